package io.streampipe.operator.status;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.streampipe.api.v1alpha1.StreamingPipelineStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Whether a checkpoint claim still waiting to bind has waited too long, and what it waits for. */
public final class ClaimBinding {
  private static final int EVENTS_SHOWN = 3;
  private static final Duration CLAIM_POLL = Duration.ofSeconds(30);

  private ClaimBinding() {}

  /**
   * When to look again at a pipeline whose checkpoint claim has not bound: no event wakes the
   * reconciler when the claim's grace runs out, nor when the cluster records why it does not bind.
   */
  public static Optional<Duration> recheckAfter(StreamingPipelineStatus status, Duration grace) {
    boolean unbound =
        status.getConditions().stream()
            .anyMatch(
                c ->
                    StatusAggregator.CHECKPOINT_READY.equals(c.getType())
                        && (Reason.CheckpointPending.name().equals(c.getReason())
                            || Reason.CheckpointNotBound.name().equals(c.getReason())));
    if (!unbound) {
      return Optional.empty();
    }
    return Optional.of(grace.compareTo(CLAIM_POLL) < 0 ? grace.plusSeconds(1) : CLAIM_POLL);
  }

  /** The claim's phase; a claim the API server has not given a status yet is Pending. */
  static String phase(PersistentVolumeClaim claim) {
    var status = claim.getStatus();
    return status == null || status.getPhase() == null ? "Pending" : status.getPhase();
  }

  /** Not bound, and created longer than {@code grace} ago. */
  public static boolean overdue(PersistentVolumeClaim claim, Duration grace, Instant now) {
    if ("Bound".equals(phase(claim))) {
      return false;
    }
    String created = claim.getMetadata().getCreationTimestamp();
    // The API server always sets it; without one the claim is as new as this reconcile.
    Instant since = created == null ? now : Instant.parse(created);
    return !since.plus(grace).isAfter(now);
  }

  /** The newest distinct "Reason: message" lines of a claim's events, newest first. */
  public static List<String> summary(List<Event> events) {
    return events.stream()
        .sorted(Comparator.comparing(ClaimBinding::lastSeen).reversed())
        .map(e -> e.getReason() + ": " + Objects.toString(e.getMessage(), "").strip())
        .distinct()
        .limit(EVENTS_SHOWN)
        .toList();
  }

  private static Instant lastSeen(Event event) {
    String at =
        event.getLastTimestamp() != null
            ? event.getLastTimestamp()
            : event.getMetadata().getCreationTimestamp();
    return at == null ? Instant.EPOCH : Instant.parse(at);
  }
}
