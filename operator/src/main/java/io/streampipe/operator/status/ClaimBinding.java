package io.streampipe.operator.status;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Whether a checkpoint claim still waiting to bind has waited too long, and what it waits for. */
public final class ClaimBinding {
  private static final int EVENTS_SHOWN = 3;

  private ClaimBinding() {}

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
