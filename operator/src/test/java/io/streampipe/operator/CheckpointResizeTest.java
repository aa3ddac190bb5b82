package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.streampipe.api.v1alpha1.PipelineCondition;
import io.streampipe.api.v1alpha1.StreamingPipelineStatus;
import io.streampipe.operator.status.CheckpointObservation;
import io.streampipe.operator.status.CheckpointResize;
import io.streampipe.operator.status.IngestObservation;
import io.streampipe.operator.status.Notices;
import io.streampipe.operator.status.Observation;
import io.streampipe.operator.status.StatusAggregator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The CheckpointReady condition while the claim's size and the spec's differ. */
class CheckpointResizeTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void aLargerSizeIsGrowingUntilTheVolumeHasIt() {
    PipelineCondition asked = checkpoint(claim("1Gi", "1Gi"), "2Gi", null);
    assertThat(asked.getStatus()).isEqualTo("True");
    assertThat(asked.getReason()).isEqualTo("CheckpointResizing");
    assertThat(asked.getMessage()).contains("from 1Gi to 2Gi");

    PipelineCondition expanding = checkpoint(claim("2Gi", "1Gi"), "2Gi", null);
    assertThat(expanding.getReason()).isEqualTo("CheckpointResizing");
    assertThat(expanding.getMessage()).contains("volume is growing from 1Gi to 2Gi");

    assertThat(checkpoint(claim("2Gi", "2Gi"), "2Gi", null).getReason())
        .isEqualTo("CheckpointBound");
    assertThat(checkpoint(claim("1Gi", "1Gi"), "1024Mi", null).getReason())
        .as("the same quantity written another way")
        .isEqualTo("CheckpointBound");
  }

  @Test
  void aSmallerSizeIsRefusedAndSaysWhatToDo() {
    PipelineCondition c = checkpoint(claim("2Gi", "2Gi"), "1Gi", null);
    assertThat(c.getStatus()).isEqualTo("False");
    assertThat(c.getReason()).isEqualTo("CheckpointResizeRefused");
    assertThat(c.getMessage()).contains("cannot shrink", "keeps 2Gi", "back to 2Gi or more");
  }

  @Test
  void anExpansionTheApiServerRefusedCarriesItsAnswerAndAWarning() {
    StreamingPipelineStatus status =
        aggregate(claim("1Gi", "1Gi"), "2Gi", "only dynamically provisioned pvc can be resized");
    PipelineCondition c = condition(status, "CheckpointReady");
    assertThat(c.getStatus()).isEqualTo("False");
    assertThat(c.getReason()).isEqualTo("CheckpointResizeRefused");
    assertThat(c.getMessage())
        .contains("from 1Gi to 2Gi", "keeps 1Gi", "only dynamically provisioned pvc");
    assertThat(Notices.between(null, status))
        .anySatisfy(n -> assertThat(n.reason()).isEqualTo("CheckpointResizeRefused"));
  }

  @Test
  void anObservationWithoutASizeLeavesTheClaimVerdictAlone() {
    assertThat(checkpoint(claim("2Gi", "2Gi"), null, null).getReason())
        .isEqualTo("CheckpointBound");
  }

  private static PipelineCondition checkpoint(
      PersistentVolumeClaim claim, String size, String refused) {
    return condition(aggregate(claim, size, refused), "CheckpointReady");
  }

  private static StreamingPipelineStatus aggregate(
      PersistentVolumeClaim claim, String size, String refused) {
    Observation o =
        new Observation(
            2,
            Optional.empty(),
            0,
            List.of(),
            true,
            Optional.empty(),
            new CheckpointObservation(
                Optional.of(claim),
                Duration.ofMinutes(3),
                List.of(),
                new CheckpointResize(size, Optional.ofNullable(refused))),
            Optional.empty(),
            "in",
            "in.dlq",
            "ks.t",
            "0",
            IngestObservation.NONE);
    return StatusAggregator.aggregate(null, o, T0);
  }

  private static PersistentVolumeClaim claim(String requested, String capacity) {
    return new PersistentVolumeClaimBuilder()
        .withNewSpec()
        .withNewResources()
        .addToRequests("storage", new Quantity(requested))
        .endResources()
        .endSpec()
        .withNewStatus()
        .withPhase("Bound")
        .addToCapacity("storage", new Quantity(capacity))
        .endStatus()
        .build();
  }

  private static PipelineCondition condition(StreamingPipelineStatus status, String type) {
    return status.getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElseThrow();
  }
}
