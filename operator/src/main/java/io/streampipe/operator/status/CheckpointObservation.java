package io.streampipe.operator.status;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one reconcile saw of the checkpoint claim.
 *
 * @param claim empty while it does not exist
 * @param bindGrace how long the claim may be Pending and still count as ready
 * @param events the claim's newest events, read only once it is overdue to bind
 * @param resize the spec's size and any refusal to grow the claim to it
 */
public record CheckpointObservation(
    Optional<PersistentVolumeClaim> claim,
    Duration bindGrace,
    List<String> events,
    CheckpointResize resize) {

  public CheckpointObservation {
    events = List.copyOf(events);
  }
}
