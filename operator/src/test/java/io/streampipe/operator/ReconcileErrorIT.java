package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.javaoperatorsdk.operator.Operator;
import io.streampipe.operator.status.Reason;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A status patch the API server refuses once, each case in its own namespace: a conflict is retried
 * quietly, any other refusal is a Warning that says what happened in one sentence.
 */
@EnableKubernetesMockClient(crud = true)
class ReconcileErrorIT {
  static KubernetesMockServer server;
  static KubernetesClient client;
  static Operator operator;

  @BeforeAll
  static void start() throws Exception {
    new MockCluster(client).loadCrds();
    operator = MockPipelines.startOperator(server, OperatorConfig.defaults());
  }

  @AfterAll
  static void stop() {
    operator.stop();
  }

  @Test
  void aConflictOnTheStatusIsRetriedWithoutAWarning() {
    refuseStatusPatchOnce(
        "conflict",
        "modified",
        409,
        "Conflict",
        "Operation cannot be fulfilled on streamingpipelines.streampipe.io \"modified\": the object"
            + " has been modified; please apply your changes to the latest version and try again");
    client.resource(TestPipelines.users("conflict", "modified")).create();

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> pipeline("conflict", "modified").getStatus() != null);
    assertThat(warnings("conflict", "modified")).isEmpty();
  }

  @Test
  void anyOtherRefusalIsAWarningWithOneHumanSentence() {
    String forbidden =
        "streamingpipelines.streampipe.io \"denied\" is forbidden: User"
            + " \"system:serviceaccount:streampipe-system:streampipe\" cannot patch resource"
            + " \"streamingpipelines/status\" in API group \"streampipe.io\" in the namespace \""
            + "forbidden\"";
    refuseStatusPatchOnce("forbidden", "denied", 403, "Forbidden", forbidden);
    client.resource(TestPipelines.users("forbidden", "denied")).create();

    await().atMost(Duration.ofSeconds(30)).until(() -> !warnings("forbidden", "denied").isEmpty());
    assertThat(warnings("forbidden", "denied"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getReason()).isEqualTo(Reason.ReconcileError.name());
              assertThat(e.getMessage())
                  .isEqualTo(
                      "Reconcile failed, will retry: the Kubernetes API answered 403: "
                          + forbidden);
            });
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> pipeline("forbidden", "denied").getStatus() != null);
  }

  private static void refuseStatusPatchOnce(
      String namespace, String name, int code, String reason, String message) {
    Status status =
        new StatusBuilder()
            .withStatus("Failure")
            .withCode(code)
            .withReason(reason)
            .withMessage(message)
            .build();
    server
        .expect()
        .patch()
        .withPath(
            "/apis/streampipe.io/v1alpha1/namespaces/"
                + namespace
                + "/streamingpipelines/"
                + name
                + "/status")
        .andReturn(code, status)
        .once();
  }

  private static StreamingPipeline pipeline(String namespace, String name) {
    return client.resources(StreamingPipeline.class).inNamespace(namespace).withName(name).get();
  }

  private static List<Event> warnings(String namespace, String name) {
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName()))
        .filter(e -> "Warning".equals(e.getType()))
        .toList();
  }
}
