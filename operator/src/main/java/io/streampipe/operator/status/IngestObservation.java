package io.streampipe.operator.status;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Optional;

/**
 * What a reconcile saw of the ingester.
 *
 * @param wanted whether the pipeline has {@code spec.ingest}
 * @param deployment the ingest Deployment found
 */
public record IngestObservation(boolean wanted, Optional<Deployment> deployment) {
  /** A pipeline without an ingester. */
  public static final IngestObservation NONE = new IngestObservation(false, Optional.empty());
}
