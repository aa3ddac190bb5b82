package io.streampipe.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.AggregatedOperatorException;
import io.javaoperatorsdk.operator.OperatorException;
import java.net.ConnectException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReconcileFailureTest {
  static final String MODIFIED =
      "Operation cannot be fulfilled on streamingpipelines.streampipe.io \"users\": the object has"
          + " been modified; please apply your changes to the latest version and try again";
  static final String FORBIDDEN =
      "sparkapplications.sparkoperator.k8s.io \"users\" is forbidden: User"
          + " \"system:serviceaccount:streampipe-system:streampipe\" cannot patch resource"
          + " \"sparkapplications\"";

  /** As fabric8 reports a refused request: the whole request line, then the server's Status. */
  static KubernetesClientException refused(int code, String message) {
    return refused(code, code == 409 ? "Conflict" : "Forbidden", message);
  }

  static KubernetesClientException refused(int code, String reason, String message) {
    return new KubernetesClientException(
        "Failure executing: PATCH at:"
            + " https://10.96.0.1:443/apis/streampipe.io/v1alpha1/namespaces/streams/streamingpipelines/users/status."
            + " Message: "
            + message
            + ". Received status: Status(apiVersion=v1, code="
            + code
            + ", details=StatusDetails(...), kind=Status, message="
            + message
            + ").",
        code,
        new StatusBuilder().withCode(code).withReason(reason).withMessage(message).build());
  }

  @Test
  void aConflictIsOneWhereverItIsWrapped() {
    assertThat(ReconcileFailure.isConflict(refused(409, MODIFIED))).isTrue();
    assertThat(ReconcileFailure.isConflict(new OperatorException(refused(409, MODIFIED)))).isTrue();
    assertThat(
            ReconcileFailure.isConflict(
                new KubernetesClientException("laundered", refused(409, MODIFIED))))
        .isTrue();
    assertThat(ReconcileFailure.isConflict(refused(403, FORBIDDEN))).isFalse();
    assertThat(
            ReconcileFailure.isConflict(
                refused(409, "AlreadyExists", "kafkatopics.kafka.strimzi.io \"t\" already exists")))
        .as("a retry does not cure AlreadyExists")
        .isFalse();
    assertThat(ReconcileFailure.isConflict(new IllegalStateException("no"))).isFalse();
  }

  @Test
  void aWorkflowIsAConflictOnlyWhenEveryFailureIsOne() {
    assertThat(ReconcileFailure.isConflict(workflow(Map.of("configmap", refused(409, MODIFIED)))))
        .isTrue();
    Map<String, Exception> both = new LinkedHashMap<>();
    both.put("configmap", refused(409, MODIFIED));
    both.put("sparkapplication", refused(403, FORBIDDEN));
    assertThat(ReconcileFailure.isConflict(workflow(both))).isFalse();
  }

  @Test
  void anApiRefusalIsTheServersSentenceNotTheRequestDump() {
    assertThat(ReconcileFailure.message(refused(403, FORBIDDEN), true))
        .isEqualTo("Reconcile failed, will retry: the Kubernetes API answered 403: " + FORBIDDEN);
    assertThat(ReconcileFailure.message(refused(403, FORBIDDEN), false))
        .isEqualTo("Reconcile failed: the Kubernetes API answered 403: " + FORBIDDEN);
  }

  @Test
  void aWorkflowNamesEachFailedPartOnOneLineWithoutStackTraces() {
    Map<String, Exception> parts = new LinkedHashMap<>();
    parts.put("sparkapplication", refused(403, FORBIDDEN));
    parts.put("cassandra-schema", new IllegalStateException("keyspace missing\nat line 2"));
    AggregatedOperatorException e = workflow(parts);
    assertThat(e.getMessage()).as("JOSDK's own message carries stack traces").contains("\tat ");

    assertThat(ReconcileFailure.message(e, true))
        .isEqualTo(
            "Reconcile failed, will retry: sparkapplication: the Kubernetes API answered 403: "
                + FORBIDDEN
                + "; cassandra-schema: IllegalStateException: keyspace missing");
  }

  @Test
  void anUnreachableApiAndPlainExceptionsSayWhatHappened() {
    KubernetesClientException unreachable =
        new KubernetesClientException(
            "Operation: [patch] for kind: [StreamingPipeline] failed.",
            new ConnectException("Connection refused"));
    assertThat(ReconcileFailure.message(unreachable, true))
        .isEqualTo(
            "Reconcile failed, will retry: the Kubernetes API could not be reached:"
                + " ConnectException: Connection refused");
    assertThat(
            ReconcileFailure.message(
                new KubernetesClientException("Failure executing: GET at: https://...", 503, null),
                true))
        .isEqualTo("Reconcile failed, will retry: the Kubernetes API answered 503");
    assertThat(
            ReconcileFailure.message(
                new RuntimeException(new IllegalArgumentException("bad ttl")), true))
        .isEqualTo("Reconcile failed, will retry: IllegalArgumentException: bad ttl");
  }

  private static AggregatedOperatorException workflow(Map<String, Exception> parts) {
    return new AggregatedOperatorException("Exception(s) during workflow execution.", parts);
  }
}
