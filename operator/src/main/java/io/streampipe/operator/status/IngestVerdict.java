package io.streampipe.operator.status;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import java.util.List;
import java.util.Optional;

/** The IngestReady verdict: the ingest Deployment is available, as Kubernetes reports it. */
final class IngestVerdict {
  private IngestVerdict() {}

  static Verdict of(Optional<Deployment> deployment) {
    if (deployment.isEmpty()) {
      return Verdict.notOk(Reason.IngestNotCreated, "the ingest Deployment is not created yet");
    }
    var status = deployment.get().getStatus();
    List<DeploymentCondition> conditions =
        status == null || status.getConditions() == null ? List.of() : status.getConditions();
    Optional<DeploymentCondition> available =
        conditions.stream().filter(c -> "Available".equals(c.getType())).findFirst();
    if (available.isPresent() && "True".equals(available.get().getStatus())) {
      return Verdict.ok(Reason.IngestAvailable, "the ingester is available");
    }
    // The ingester turns ready once its API has answered, so this often means the API is away.
    String why =
        available.map(c -> c.getMessage()).filter(m -> m != null && !m.isBlank()).orElse(null);
    return Verdict.notOk(
        Reason.IngestUnavailable,
        "the ingester is not available yet (ready once its API answers)"
            + (why == null ? "" : ": " + why));
  }
}
