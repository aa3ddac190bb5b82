package io.streampipe.operator.status;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.streampipe.operator.desired.CheckpointSize;
import java.util.Optional;

/** The checkpoint condition while the claim's size differs from the spec's, so none goes unseen. */
final class CheckpointResizeVerdict {
  private CheckpointResizeVerdict() {}

  /** Empty when the claim already has the size the spec asks for. */
  static Optional<Verdict> of(PersistentVolumeClaim claim, CheckpointResize resize) {
    Optional<Quantity> requested = CheckpointSize.requested(claim);
    if (resize.size() == null || requested.isEmpty()) {
      return Optional.empty();
    }
    String wanted = resize.size();
    String has = requested.get().toString();
    int change = CheckpointSize.compare(new Quantity(wanted), requested.get());
    if (change < 0) {
      return Optional.of(
          Verdict.notOk(
              Reason.CheckpointResizeRefused,
              "processing.checkpoint.size "
                  + wanted
                  + " is smaller than the claim's "
                  + has
                  + ": a volume cannot shrink, so the claim keeps "
                  + has
                  + "; set the size back to "
                  + has
                  + " or more"));
    }
    if (change > 0) {
      return Optional.of(
          resize
              .refused()
              .map(
                  why ->
                      Verdict.notOk(
                          Reason.CheckpointResizeRefused,
                          "growing the checkpoint claim from "
                              + has
                              + " to "
                              + wanted
                              + " was refused (its StorageClass must allow volume expansion"
                              + " and the claim be bound); it keeps "
                              + has
                              + ": "
                              + why))
              .orElse(
                  Verdict.ok(
                      Reason.CheckpointResizing,
                      "growing the checkpoint claim from " + has + " to " + wanted)));
    }
    return CheckpointSize.capacity(claim)
        .filter(capacity -> CheckpointSize.compare(capacity, requested.get()) < 0)
        .map(
            capacity ->
                Verdict.ok(
                    Reason.CheckpointResizing,
                    "the checkpoint volume is growing from " + capacity + " to " + has));
  }
}
