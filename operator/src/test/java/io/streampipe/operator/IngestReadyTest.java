package io.streampipe.operator;

import static io.streampipe.operator.TestObservations.condition;
import static io.streampipe.operator.TestObservations.observation;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.streampipe.api.v1alpha1.StreamingPipelineStatus;
import io.streampipe.operator.status.IngestObservation;
import io.streampipe.operator.status.Observation;
import io.streampipe.operator.status.StatusAggregator;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** IngestReady joins the status when the pipeline has an ingester, and Ready waits for it. */
class IngestReadyTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void anAvailableDeploymentMakesIngestReadyAndReady() {
    StreamingPipelineStatus status =
        StatusAggregator.aggregate(
            null, with(new IngestObservation(true, deployment("True"))), NOW);

    assertThat(condition(status, "IngestReady").getStatus()).isEqualTo("True");
    assertThat(condition(status, "IngestReady").getReason()).isEqualTo("IngestAvailable");
    assertThat(condition(status, "Ready").getStatus()).isEqualTo("True");
  }

  @Test
  void anUnavailableOrMissingDeploymentHoldsReadyBack() {
    StreamingPipelineStatus unavailable =
        StatusAggregator.aggregate(
            null, with(new IngestObservation(true, deployment("False"))), NOW);
    StreamingPipelineStatus missing =
        StatusAggregator.aggregate(null, with(new IngestObservation(true, Optional.empty())), NOW);

    assertThat(condition(unavailable, "IngestReady").getReason()).isEqualTo("IngestUnavailable");
    assertThat(condition(unavailable, "IngestReady").getMessage()).contains("MinimumReplicas");
    assertThat(condition(unavailable, "Ready").getStatus()).isEqualTo("False");
    assertThat(condition(unavailable, "Ready").getMessage()).contains("IngestReady");
    assertThat(condition(missing, "IngestReady").getReason()).isEqualTo("IngestNotCreated");
    assertThat(condition(missing, "Ready").getStatus()).isEqualTo("False");
  }

  @Test
  void withoutAnIngesterThereIsNoCondition() {
    StreamingPipelineStatus status =
        StatusAggregator.aggregate(null, with(IngestObservation.NONE), NOW);

    assertThat(status.getConditions()).noneMatch(c -> c.getType().equals("IngestReady"));
    assertThat(condition(status, "Ready").getStatus()).isEqualTo("True");
  }

  private static Observation with(IngestObservation ingest) {
    return observation("RUNNING", true, ingest);
  }

  private static Optional<Deployment> deployment(String available) {
    return Optional.of(
        new DeploymentBuilder()
            .withNewMetadata()
            .withName("users-ingest")
            .endMetadata()
            .withNewStatus()
            .addNewCondition()
            .withType("Available")
            .withStatus(available)
            .withMessage("Deployment does not have MinimumReplicasAvailable")
            .endCondition()
            .endStatus()
            .build());
  }
}
