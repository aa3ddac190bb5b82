package io.streampipe.e2e;

import static io.streampipe.job.avro.AvroFrames.USER_V1;
import static io.streampipe.job.avro.AvroFrames.USER_V2;
import static io.streampipe.job.avro.AvroFrames.frame;
import static io.streampipe.job.avro.AvroFrames.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.streampipe.api.v1alpha1.PipelineProgress;
import io.streampipe.operator.StreamingPipeline;
import io.streampipe.testkit.SchemaRegistryServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * examples/users-avro.yaml through the operator: applied on the mock API server, run by the real
 * job against a real registry, Kafka and Cassandra; two producer versions land and Ready is True.
 */
@EnableKubernetesMockClient(crud = true)
class AvroE2EIT {
  static KubernetesMockServer server;
  static KubernetesClient client;
  static EndToEnd e2e;
  static SchemaRegistryServer registry;

  @BeforeAll
  static void start() throws Exception {
    registry = new SchemaRegistryServer().start();
    e2e = new EndToEnd(server, client, "avro");
  }

  @AfterAll
  static void stop() {
    if (e2e != null) {
      e2e.close();
    }
    registry.stop();
  }

  @Test
  void theAvroExampleRunsThroughTheOperator() throws Exception {
    StreamingPipeline created = e2e.example("users-avro.yaml", "avro", "users-avro");
    // The example names the laptop's registry; here it is the testkit's.
    created.getSpec().getSource().getRegistry().setUrl(registry.url());
    String subject = created.getSpec().getSource().getTopic().getName() + "-value";
    int v1 = registry.register(subject, USER_V1);
    int v2 = registry.register(subject, USER_V2);
    StreamingPipeline pipeline = e2e.create(created);
    e2e.awaitReady(pipeline);

    List<byte[]> values = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      values.add(frame(v1, USER_V1, user(null)));
      values.add(frame(v2, USER_V2, user(20 + i)));
    }
    values.add("{\"id\":\"not avro\"}".getBytes(StandardCharsets.UTF_8));
    e2e.traffic.sendValues(pipeline, values);

    await().atMost(EndToEnd.WAIT).until(() -> e2e.traffic.rows(pipeline) == 20L);
    await()
        .atMost(EndToEnd.WAIT)
        .until(() -> e2e.progress(pipeline).map(PipelineProgress::getRead).orElse(0L) == 21L);
    PipelineProgress progress = e2e.progress(pipeline).orElseThrow();
    assertThat(progress.getDeadLettersByRule())
        .containsExactlyEntriesOf(Map.of("avro_magic_byte", 1L));
    assertThat(e2e.condition(pipeline, "Ready").orElseThrow().getStatus()).isEqualTo("True");
  }
}
