package io.streampipe.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.streampipe.operator.StreamingPipeline;
import io.streampipe.operator.status.ProgressVerdicts;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Batches that stop completing turn Progressing False (Stalled) within the bound. The bound's floor
 * is 2 min in production; this class's operator is given 20 s so the test sees it soon.
 */
@EnableKubernetesMockClient(crud = true)
class StallE2EIT {
  static final Duration FLOOR = Duration.ofSeconds(20);
  static KubernetesMockServer server;
  static KubernetesClient client;
  static EndToEnd e2e;

  @BeforeAll
  static void start() throws Exception {
    e2e = new EndToEnd(server, client, "stall", p -> p.withStallFloor(FLOOR));
  }

  @AfterAll
  static void stop() {
    e2e.close();
  }

  @Test
  void batchesBlockedOnAnUnreachableCassandraAreStalledWithinTheBound() throws Exception {
    StreamingPipeline created = e2e.users("stall", "users");
    // The writer keeps retrying instead of failing the job: the batch in flight just hangs.
    created.getSpec().getSink().getCassandra().setWriteRetryTimeout("10m");
    StreamingPipeline pipeline = e2e.create(created);
    e2e.awaitReady(pipeline);
    e2e.traffic.send(pipeline, Traffic.users(5, "female"));
    await().atMost(EndToEnd.WAIT).until(() -> e2e.traffic.rows(pipeline) == 5L);

    e2e.stack.cassandra().kill();
    long down = System.nanoTime();
    try {
      e2e.traffic.send(pipeline, Traffic.users(5, "female"));
      Duration bound = ProgressVerdicts.stallBound(Duration.ofSeconds(1), FLOOR);
      await()
          .atMost(bound.plusSeconds(30))
          .until(() -> e2e.reason(pipeline, "Progressing").equals("Stalled"));
      Duration took = Duration.ofNanos(System.nanoTime() - down);
      // The bound runs from the job's last move; Spark posts idle triggers up to 10 s apart.
      assertThat(took).as("not long before the bound").isGreaterThan(bound.minusSeconds(10));
      assertThat(e2e.condition(pipeline, "Progressing").orElseThrow().getStatus())
          .isEqualTo("False");
      assertThat(e2e.condition(pipeline, "Ready").orElseThrow().getStatus()).isEqualTo("False");
    } finally {
      e2e.stack.cassandra().restart();
    }
    await()
        .atMost(EndToEnd.WAIT)
        .until(() -> e2e.reason(pipeline, "Progressing").equals("BatchesCompleting"));
    // The test's own session reconnects to the restarted Cassandra meanwhile.
    await().atMost(EndToEnd.WAIT).ignoreExceptions().until(() -> e2e.traffic.rows(pipeline) == 10L);
  }
}
