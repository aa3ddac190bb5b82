package io.streampipe.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.streampipe.api.PipelineDefaults;
import io.streampipe.api.v1alpha1.PipelineCondition;
import io.streampipe.api.v1alpha1.PipelineProgress;
import io.streampipe.operator.StreamingPipeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The status shows what the real job counted, and follows a rule update to the running job. */
@EnableKubernetesMockClient(crud = true)
class ProgressE2EIT {
  static KubernetesMockServer server;
  static KubernetesClient client;
  static EndToEnd e2e;

  @BeforeAll
  static void start() throws Exception {
    e2e = new EndToEnd(server, client, "progress");
  }

  @AfterAll
  static void stop() {
    e2e.close();
  }

  @Test
  void theStatusShowsTheJobsOwnCounts() throws Exception {
    StreamingPipeline pipeline = e2e.create(e2e.users("counts", "users"));
    e2e.awaitReady(pipeline);

    List<Map.Entry<UUID, String>> events = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      UUID id = UUID.randomUUID();
      events.add(Map.entry(id, Traffic.user(id, "female")));
      if (i < 5) {
        events.add(Map.entry(id, Traffic.user(id, "male"))); // a later version of the same key
      }
    }
    for (int i = 0; i < 4; i++) {
      UUID id = UUID.randomUUID();
      events.add(Map.entry(id, Traffic.user(id, "robot")));
    }
    e2e.traffic.send(pipeline, events);

    await()
        .atMost(EndToEnd.WAIT)
        .until(
            () ->
                e2e.progress(pipeline)
                    .map(p -> Long.valueOf(29).equals(p.getRead()))
                    .orElse(false));
    PipelineProgress job = e2e.traffic.jobProgress(pipeline);
    PipelineProgress seen = e2e.progress(pipeline).orElseThrow();
    assertThat(seen.figures().getRead()).isEqualTo(job.getRead()).isEqualTo(29L);
    assertThat(seen.getDeadLettered()).isEqualTo(job.getDeadLettered()).isEqualTo(4L);
    assertThat(seen.getDeadLettersByRule())
        .isEqualTo(job.getDeadLettersByRule())
        .containsExactlyEntriesOf(Map.of("allowed_values", 4L));
    assertThat(seen.getWritten()).isEqualTo(job.getWritten());
    assertThat(seen.getDeduplicated()).isEqualTo(job.getDeduplicated());
    assertThat(seen.getWritten() + seen.getDeduplicated())
        .as("every valid record written or collapsed into a later one of its key")
        .isEqualTo(25L);
    assertThat(seen.getGeneration()).isEqualTo(1L);
    assertThat(e2e.traffic.rows(pipeline)).isEqualTo(20L);
    assertThat(e2e.read(pipeline).getStatus().getObservedGeneration()).isEqualTo(1L);
  }

  @Test
  void aRuleUpdateReachesTheRunningJobAndReadyWaitsForIt() throws Exception {
    StreamingPipeline pipeline = e2e.create(e2e.users("rules", "users"));
    e2e.awaitReady(pipeline);
    e2e.traffic.send(pipeline, Traffic.users(10, "female"));
    e2e.traffic.send(pipeline, Traffic.users(5, "other"));
    await().atMost(EndToEnd.WAIT).until(() -> read(pipeline) == 15L);
    assertThat(e2e.progress(pipeline).orElseThrow().getDeadLettered()).isEqualTo(5L);
    int launches = e2e.spark.launches();

    e2e.edit(pipeline, p -> allowGender(p, "other"));
    List<String> seen = new ArrayList<>();
    await()
        .atMost(EndToEnd.WAIT)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              StreamingPipeline now = e2e.read(pipeline);
              PipelineCondition ready = e2e.condition(pipeline, "Ready").orElseThrow();
              if (!Long.valueOf(2).equals(ready.getObservedGeneration())) {
                return false; // not judged at generation 2 yet
              }
              seen.add(ready.getReason() + "@" + now.getStatus().getProgress().getGeneration());
              return ready.getReason().equals("Ready")
                  && Long.valueOf(2).equals(now.getStatus().getObservedGeneration());
            });
    assertThat(seen)
        .as("Ready only once the job runs generation 2, and not before")
        .filteredOn(s -> s.startsWith("Ready@"))
        .allMatch(s -> s.equals("Ready@2"));
    assertThat(seen).anyMatch(s -> s.startsWith("JobOutdated@") || s.startsWith("NotProgressing@"));
    assertThat(e2e.spark.launches()).as("resubmitted once").isEqualTo(launches + 1);

    e2e.traffic.send(pipeline, Traffic.users(10, "female"));
    e2e.traffic.send(pipeline, Traffic.users(5, "other"));
    await().atMost(EndToEnd.WAIT).until(() -> e2e.traffic.rows(pipeline) == 25L);
    await().atMost(EndToEnd.WAIT).until(() -> read(pipeline) == 15L);
    assertThat(e2e.progress(pipeline).orElseThrow().getDeadLettered())
        .as("the records refused before are accepted now")
        .isZero();
    assertThat(
            e2e.traffic.count(
                pipeline.getSpec().getSource().getTopic().getName()
                    + PipelineDefaults.DEAD_LETTER_SUFFIX,
                5))
        .as("the 5 refused before the update, each once")
        .isEqualTo(5);
  }

  @Test
  void anInvalidUpdateKeepsTheRunningJobObserved() throws Exception {
    StreamingPipeline pipeline = e2e.create(e2e.users("invalid", "users"));
    e2e.awaitReady(pipeline);
    int launches = e2e.spark.launches();
    String observedAt = e2e.progress(pipeline).orElseThrow().getObservedAt();

    e2e.edit(
        pipeline,
        p -> {
          p.getSpec().getSink().getCassandra().setTtl("forever");
          return p;
        });
    await()
        .atMost(EndToEnd.WAIT)
        .until(() -> e2e.reason(pipeline, "SpecValid").equals("InvalidSpec"));
    e2e.traffic.send(pipeline, Traffic.users(7, "male"));

    await().atMost(EndToEnd.WAIT).until(() -> read(pipeline) == 7L);
    assertThat(e2e.progress(pipeline).orElseThrow().getObservedAt()).isNotEqualTo(observedAt);
    assertThat(e2e.reason(pipeline, "Ready")).isEqualTo("InvalidSpec");
    assertThat(e2e.reason(pipeline, "Progressing")).isEqualTo("BatchesCompleting");
    assertThat(e2e.read(pipeline).getStatus().getObservedGeneration())
        .as("the job still runs generation 1")
        .isEqualTo(1L);
    assertThat(e2e.spark.launches()).as("the job was not restarted").isEqualTo(launches);
    assertThat(e2e.traffic.rows(pipeline)).isEqualTo(7L);
  }

  private static long read(StreamingPipeline pipeline) {
    return e2e.progress(pipeline).map(PipelineProgress::getRead).orElse(-1L);
  }

  private static StreamingPipeline allowGender(StreamingPipeline p, String value) {
    p.getSpec().getSchema().getFields().stream()
        .filter(f -> f.getName().equals("gender"))
        .forEach(f -> f.getRules().setAllowedValues(List.of("male", "female", value)));
    return p;
  }
}
