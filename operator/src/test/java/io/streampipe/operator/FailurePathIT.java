package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.streampipe.api.v1alpha1.PipelineCondition;
import io.streampipe.operator.desired.Names;
import io.streampipe.operator.runtime.PipelineOperator;
import io.streampipe.operator.topics.InMemoryTopicAdmins;
import io.streampipe.provisioning.InMemorySchemaProvisioner;
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
    InMemorySchemaProvisioner cassandra = new InMemorySchemaProvisioner();
    operator =
        PipelineOperator.create(
            server.createClient(),
            OperatorConfig.defaults(),
            connection -> cassandra,
            new InMemoryTopicAdmins(),
            Metrics.NOOP,
            false);
    operator.start();
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
    client.resource(TestPipelines.users(ns, "users")).create();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> cluster.topics().inNamespace(ns).list().getItems().size() == 2);
    cluster.topicsReady(ns);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> cluster.sparkApplications().inNamespace(ns).withName("users").get() != null);
    cluster.jobState(ns, "users", "RUNNING");
    await().atMost(Duration.ofSeconds(30)).until(() -> reason(ns, "Ready").equals("Ready"));
  }

  private static void edit(String ns, String ttl) {
    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(
            () ->
                client
                        .resources(StreamingPipeline.class)
                        .inNamespace(ns)
                        .withName("users")
                        .edit(
                            p -> {
                              p.getSpec().getSink().getCassandra().setTtl(ttl);
                              return p;
                            })
                    != null);
  }

  private static String reason(String ns, String type) {
    return condition(ns, type).map(PipelineCondition::getReason).orElse("");
  }

  private static Optional<PipelineCondition> condition(String ns, String type) {
    StreamingPipeline p =
        client.resources(StreamingPipeline.class).inNamespace(ns).withName("users").get();
    if (p == null || p.getStatus() == null) {
      return Optional.empty();
    }
    return p.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  private static StreamingPipeline ttl(StreamingPipeline p, String ttl) {
    p.getSpec().getSink().getCassandra().setTtl(ttl);
    return p;
  }
}
