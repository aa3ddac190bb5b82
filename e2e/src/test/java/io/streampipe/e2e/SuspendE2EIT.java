package io.streampipe.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.streampipe.api.PipelineDefaults;
import io.streampipe.api.v1alpha1.BudgetAction;
import io.streampipe.api.v1alpha1.BudgetSpec;
import io.streampipe.api.v1alpha1.PipelineProgress;
import io.streampipe.operator.MockCluster;
import io.streampipe.operator.StreamingPipeline;
import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** spec.suspend stops the real job gracefully, and resuming carries on with nothing lost. */
@EnableKubernetesMockClient(crud = true)
class SuspendE2EIT {
  static KubernetesMockServer server;
  static KubernetesClient client;
  static EndToEnd e2e;

  @BeforeAll
  static void start() throws Exception {
    e2e = new EndToEnd(server, client, "suspend");
  }

  @AfterAll
  static void stop() {
    e2e.close();
  }

  @Test
  void suspendAndResumeLoseAndDuplicateNothing() throws Exception {
    StreamingPipeline pipeline = e2e.create(e2e.users("suspend", "users"));
    e2e.awaitReady(pipeline);
    Map<UUID, String> latest = new HashMap<>();
    int invalid = 0;
    invalid += send(pipeline, latest, 20, 5);
    await().atMost(EndToEnd.WAIT).until(() -> e2e.traffic.rows(pipeline) == 20L);

    e2e.edit(pipeline, p -> suspend(p, true));
    // Events keep arriving while the job stops.
    invalid += send(pipeline, latest, 15, 3);
    String ns = pipeline.getMetadata().getNamespace();
    await().atMost(EndToEnd.WAIT).until(() -> applications(ns) == 0 && !serving(pipeline));
    // The status follows the deletion in the same or the next reconcile.
    await().atMost(EndToEnd.WAIT).until(() -> e2e.reason(pipeline, "Ready").equals("Suspended"));
    long rowsWhileSuspended = e2e.traffic.rows(pipeline);
    invalid += send(pipeline, latest, 15, 3);
    Thread.sleep(3_000);
    assertThat(e2e.traffic.rows(pipeline))
        .as("nothing written while suspended")
        .isEqualTo(rowsWhileSuspended);

    e2e.edit(pipeline, p -> suspend(p, false));
    await()
        .atMost(EndToEnd.WAIT)
        .until(
            () ->
                e2e.reason(pipeline, "Ready").equals("Ready")
                    && Long.valueOf(3)
                        .equals(e2e.read(pipeline).getStatus().getObservedGeneration()));
    await().atMost(EndToEnd.WAIT).until(() -> e2e.traffic.rows(pipeline) == latest.size());
    assertThat(e2e.traffic.column(pipeline, "gender"))
        .as("every valid id once, with its latest value")
        .isEqualTo(latest);
    String deadLetters =
        pipeline.getSpec().getSource().getTopic().getName() + PipelineDefaults.DEAD_LETTER_SUFFIX;
    assertThat(e2e.traffic.count(deadLetters, invalid))
        .as("each refused record once")
        .isEqualTo(invalid);
    int total = invalid;
    await()
        .atMost(EndToEnd.WAIT)
        .until(() -> e2e.progress(pipeline).map(p -> p.getGeneration() == 3L).orElse(false));
    PipelineProgress seen = e2e.progress(pipeline).orElseThrow();
    assertThat(seen.getWritten() + seen.getDeduplicated() + seen.getDeadLettered())
        .as("the resumed job accounts for each record it read")
        .isEqualTo(seen.getRead());
    assertThat(seen.getDeadLettered()).isLessThanOrEqualTo(total);
    assertThat(e2e.traffic.rows(pipeline)).isEqualTo(latest.size());
  }

  @Test
  void aBurstOfBadEventsOverASuspendBudgetSuspendsThePipeline() throws Exception {
    StreamingPipeline created = e2e.users("budget", "users");
    BudgetSpec budget = new BudgetSpec();
    budget.setMaxDeadLetterRatio(0.05);
    budget.setOnExceeded(BudgetAction.Suspend);
    created.getSpec().getQuality().setBudget(budget);
    StreamingPipeline pipeline = e2e.create(created);
    e2e.awaitReady(pipeline);
    e2e.traffic.send(pipeline, Traffic.users(10, "female"));
    await().atMost(EndToEnd.WAIT).until(() -> e2e.traffic.rows(pipeline) == 10L);

    e2e.traffic.send(pipeline, Traffic.users(20, "robot"));
    await()
        .atMost(EndToEnd.WAIT)
        .until(() -> e2e.reason(pipeline, "Suspended").equals("BudgetExceeded"));
    String ns = pipeline.getMetadata().getNamespace();
    await().atMost(EndToEnd.WAIT).until(() -> applications(ns) == 0 && !serving(pipeline));
    assertThat(e2e.reason(pipeline, "DataQuality")).isEqualTo("BudgetExceeded");
    assertThat(e2e.condition(pipeline, "Ready").orElseThrow().getStatus()).isEqualTo("False");
    assertThat(e2e.traffic.count(pipeline.getSpec().getSource().getTopic().getName(), 30))
        .as("the topic keeps every event")
        .isEqualTo(30);
    assertThat(e2e.traffic.rows(pipeline)).isEqualTo(10L);
  }

  private static int applications(String ns) {
    return new MockCluster(client).sparkApplications().inNamespace(ns).list().getItems().size();
  }

  /**
   * {@code fresh} valid events of new ids, a later version of {@code again} ids sent before (or of
   * the new ones), and {@code again} refused events; returns how many were refused.
   */
  private static int send(
      StreamingPipeline pipeline, Map<UUID, String> latest, int fresh, int again) {
    List<Map.Entry<UUID, String>> events = new ArrayList<>();
    List<UUID> known = new ArrayList<>(latest.keySet());
    for (int i = 0; i < fresh; i++) {
      UUID id = UUID.randomUUID();
      events.add(Map.entry(id, Traffic.user(id, "female")));
      latest.put(id, "female");
      known.add(id);
    }
    for (int i = 0; i < again; i++) {
      UUID id = known.get(i);
      String gender = "female".equals(latest.get(id)) ? "male" : "female";
      events.add(Map.entry(id, Traffic.user(id, gender)));
      latest.put(id, gender);
    }
    events.addAll(Traffic.users(again, "robot"));
    e2e.traffic.send(pipeline, events);
    return again;
  }

  private static StreamingPipeline suspend(StreamingPipeline p, boolean suspend) {
    p.getSpec().setSuspend(suspend);
    return p;
  }

  private static boolean serving(StreamingPipeline pipeline) {
    int port = pipeline.getSpec().getMonitoring().getPrometheus().getPort();
    try (Socket socket = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
