package io.streampipe.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.streampipe.api.v1alpha1.PipelineProgress;
import io.streampipe.operator.StreamingPipeline;
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
  static Traffic traffic;

  @BeforeAll
  static void start() throws Exception {
    e2e = new EndToEnd(server, client, "progress");
    traffic = new Traffic(e2e.stack);
  }

  @AfterAll
  static void stop() {
    traffic.close();
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
    traffic.send(pipeline, events);

    await()
        .atMost(EndToEnd.WAIT)
        .until(
            () ->
                e2e.progress(pipeline)
                    .map(p -> Long.valueOf(29).equals(p.getRead()))
                    .orElse(false));
    PipelineProgress job = traffic.jobProgress(pipeline);
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
    assertThat(traffic.rows(pipeline)).isEqualTo(20L);
    assertThat(e2e.read(pipeline).getStatus().getObservedGeneration()).isEqualTo(1L);
  }
}
