package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.javaoperatorsdk.operator.Operator;
import io.streampipe.api.v1alpha1.PipelineCondition;
import io.streampipe.operator.desired.Names;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The failure paths of a running pipeline, each in its own namespace: a failing workflow takes
 * Ready away, and an invalid update leaves the last good pipeline observed.
 */
@EnableKubernetesMockClient(crud = true)
class FailurePathIT {
  static KubernetesMockServer server;
  static KubernetesClient client;
  static Operator operator;
  static MockCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = new MockCluster(client).loadCrds();
    operator = MockPipelines.startOperator(server, cluster, OperatorConfig.defaults());
  }

  @AfterAll
  static void stop() {
    operator.stop();
  }

  @Test
  void aFailingUpdateTakesReadyAwayWithTheReason() {
    String ns = "failing";
    runningPipeline(ns);
    Status refused =
        new StatusBuilder()
            .withStatus("Failure")
            .withCode(500)
            .withReason("InternalError")
            .withMessage("etcdserver: request timed out")
            .build();
    server
        .expect()
        .put()
        .withPath("/api/v1/namespaces/" + ns + "/configmaps/" + Names.configMap("users"))
        .andReturn(500, refused)
        .always();

    PipelineEdits.edit(client, ns, "users", p -> ttl(p, "2h"));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> reason(ns, "Ready").equals("ReconcileError"));
    PipelineCondition ready = condition(ns, "Ready").orElseThrow();
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getMessage())
        .startsWith("Reconcile failed")
        .contains("the Kubernetes API answered 500: etcdserver: request timed out");
  }

  @Test
  void anInvalidUpdateKeepsTheRunningPipelineObserved() {
    String ns = "invalid";
    runningPipeline(ns);

    PipelineEdits.edit(client, ns, "users", p -> ttl(p, "forever"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> reason(ns, "SpecValid").equals("InvalidSpec"));
    assertThat(condition(ns, "SpecValid").orElseThrow().getMessage())
        .contains("spec.sink.cassandra.ttl");
    assertThat(reason(ns, "Ready")).isEqualTo("InvalidSpec");

    // The job of the last good spec fails meanwhile: the status follows it.
    cluster.jobState(ns, "users", "FAILED");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> reason(ns, "JobRunning").equals("JobFailed"));
    assertThat(reason(ns, "SpecValid")).isEqualTo("InvalidSpec");
    assertThat(reason(ns, "TopicsReady")).isEqualTo("TopicsReady");
  }

  private static void runningPipeline(String ns) {
    MockPipelines.running(client, cluster, ns, "users");
  }

  private static String reason(String ns, String type) {
    return MockPipelines.reason(client, ns, "users", type);
  }

  private static Optional<PipelineCondition> condition(String ns, String type) {
    return MockPipelines.condition(client, ns, "users", type);
  }

  private static StreamingPipeline ttl(StreamingPipeline p, String ttl) {
    p.getSpec().getSink().getCassandra().setTtl(ttl);
    return p;
  }
}
