package io.streampipe.operator.desired;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Map;
import java.util.Optional;

/** The checkpoint claim's storage against the spec's size: a claim may grow, never shrink. */
public final class CheckpointSize {
  private CheckpointSize() {}

  /** The storage the claim asks for. */
  public static Optional<Quantity> requested(PersistentVolumeClaim claim) {
    return Optional.ofNullable(claim.getSpec())
        .map(s -> s.getResources())
        .map(r -> r.getRequests())
        .map(r -> r.get("storage"));
  }

  /** The storage the bound volume has; behind the request while an expansion runs. */
  public static Optional<Quantity> capacity(PersistentVolumeClaim claim) {
    return Optional.ofNullable(claim.getStatus())
        .map(s -> s.getCapacity())
        .map(c -> c.get("storage"));
  }

  /**
   * Negative when a is smaller than b, zero when equal (1Gi and 1024Mi are), positive when larger.
   */
  public static int compare(Quantity a, Quantity b) {
    return a.getNumericalAmount().compareTo(b.getNumericalAmount());
  }

  /** Whether the claim requests less than size, so growing it is the work left. */
  public static boolean grows(PersistentVolumeClaim claim, String size) {
    return requested(claim).map(r -> compare(new Quantity(size), r) > 0).orElse(false);
  }

  /** A JSON merge patch raising the claim's request to size, and touching nothing else. */
  public static Map<String, Object> growPatch(String size) {
    return Map.of("spec", Map.of("resources", Map.of("requests", Map.of("storage", size))));
  }
}
