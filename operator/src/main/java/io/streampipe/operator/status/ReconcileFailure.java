package io.streampipe.operator.status;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.AggregatedOperatorException;
import io.streampipe.operator.util.Errors;
import java.net.HttpURLConnection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a failed reconcile tells the user. A conflict (HTTP 409: the pipeline or a part changed
 * since it was read, as after an operator restart) is routine and JOSDK retries it, so it gets no
 * Event; anything else gets one sentence, never an HTTP request dump or a stack trace.
 */
public final class ReconcileFailure {
  private ReconcileFailure() {}

  /**
   * A 409 Conflict from the API server (not a 409 AlreadyExists, which a retry does not cure), or a
   * workflow whose every failure is one.
   */
  public static boolean isConflict(Throwable e) {
    Map<String, Exception> parts = parts(e);
    if (!parts.isEmpty()) {
      return parts.values().stream().allMatch(ReconcileFailure::isConflict);
    }
    return apiFailure(e).filter(ReconcileFailure::isStaleWrite).isPresent();
  }

  private static boolean isStaleWrite(KubernetesClientException e) {
    String reason = e.getStatus() == null ? null : e.getStatus().getReason();
    return e.getCode() == HttpURLConnection.HTTP_CONFLICT
        && (reason == null || reason.isBlank() || reason.equals("Conflict"));
  }

  /** The Warning's message: what failed, and whether JOSDK tries again. */
  public static String message(Throwable e, boolean willRetry) {
    return (willRetry ? "Reconcile failed, will retry: " : "Reconcile failed: ") + cause(e);
  }

  /** One line per failure; a workflow's failures by dependent name, separated by "; ". */
  static String cause(Throwable e) {
    Map<String, Exception> parts = parts(e);
    if (!parts.isEmpty()) {
      return parts.entrySet().stream()
          .map(part -> part.getKey() + ": " + cause(part.getValue()))
          .collect(Collectors.joining("; "));
    }
    return apiFailure(e).map(ReconcileFailure::describe).orElseGet(() -> Errors.oneLine(named(e)));
  }

  private static String describe(KubernetesClientException e) {
    if (e.getCode() > 0) {
      String said = e.getStatus() == null ? null : e.getStatus().getMessage();
      return "the Kubernetes API answered "
          + e.getCode()
          + (said == null ? "" : ": " + said.lines().findFirst().orElse(""));
    }
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return "the Kubernetes API could not be reached: " + Errors.oneLine(root);
  }

  /** The first API failure in the chain that carries an HTTP status, else the first at all. */
  private static Optional<KubernetesClientException> apiFailure(Throwable e) {
    KubernetesClientException first = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof KubernetesClientException k) {
        if (k.getCode() > 0) {
          return Optional.of(k);
        }
        first = first == null ? k : first;
      }
    }
    return Optional.ofNullable(first);
  }

  /** Skips wrappers whose message is only their cause's (new RuntimeException(cause)). */
  private static Throwable named(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null
        && (t.getMessage() == null || t.getMessage().equals(t.getCause().toString()))) {
      t = t.getCause();
    }
    return t;
  }

  private static Map<String, Exception> parts(Throwable e) {
    return e instanceof AggregatedOperatorException aggregate
        ? aggregate.getAggregatedExceptions()
        : Map.of();
  }
}
