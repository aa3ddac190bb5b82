package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.streampipe.operator.status.ClaimBinding;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a checkpoint claim is overdue to bind, and how its events are summarised. */
class ClaimBindingTest {
  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  private static final Duration GRACE = Duration.ofMinutes(3);

  @Test
  void aPendingClaimIsOverdueFromTheEndOfItsGraceAndABoundOneNever() {
    assertThat(ClaimBinding.overdue(claim(null, NOW.minusSeconds(179)), GRACE, NOW)).isFalse();
    assertThat(ClaimBinding.overdue(claim(null, NOW.minusSeconds(180)), GRACE, NOW)).isTrue();
    assertThat(ClaimBinding.overdue(claim("Pending", NOW.minusSeconds(600)), GRACE, NOW)).isTrue();
    assertThat(ClaimBinding.overdue(claim("Bound", NOW.minusSeconds(600)), GRACE, NOW)).isFalse();
  }

  @Test
  void summaryKeepsTheNewestDistinctEventsFirst() {
    List<Event> events =
        List.of(
            event("WaitForFirstConsumer", "waiting for first consumer", "2026-11-30T11:50:00Z"),
            event("ProvisioningFailed", "storageclass \"fast\" not found", "2026-11-30T11:59:00Z"),
            event("ProvisioningFailed", "storageclass \"fast\" not found", "2026-11-30T11:58:00Z"),
            event("Provisioning", "External provisioner is provisioning", "2026-11-30T11:57:00Z"),
            event("ExternalProvisioning", "waiting for a volume", "2026-11-30T11:55:00Z"));
    assertThat(ClaimBinding.summary(events))
        .containsExactly(
            "ProvisioningFailed: storageclass \"fast\" not found",
            "Provisioning: External provisioner is provisioning",
            "ExternalProvisioning: waiting for a volume");
  }

  private static PersistentVolumeClaim claim(String phase, Instant created) {
    var builder =
        new PersistentVolumeClaimBuilder()
            .withNewMetadata()
            .withName("c")
            .withCreationTimestamp(created.toString())
            .endMetadata();
    return phase == null
        ? builder.build()
        : builder.withNewStatus().withPhase(phase).endStatus().build();
  }

  private static Event event(String reason, String message, String last) {
    return new EventBuilder()
        .withNewMetadata()
        .withName(reason + last)
        .endMetadata()
        .withReason(reason)
        .withMessage(message)
        .withLastTimestamp(last)
        .build();
  }
}
