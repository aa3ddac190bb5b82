package io.streampipe.operator.status;

import java.util.Optional;

/**
 * What the spec asks of the checkpoint claim's size, and the API server's answer when growing the
 * claim to it was refused this reconcile.
 *
 * @param size the spec's processing.checkpoint.size; null when not known
 */
public record CheckpointResize(String size, Optional<String> refused) {
  public static final CheckpointResize UNKNOWN = new CheckpointResize(null, Optional.empty());
}
