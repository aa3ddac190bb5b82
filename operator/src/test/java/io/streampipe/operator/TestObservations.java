package io.streampipe.operator;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.streampipe.api.v1alpha1.PipelineCondition;
import io.streampipe.api.v1alpha1.StreamingPipelineStatus;
import io.streampipe.operator.schema.SchemaOutcome;
import io.streampipe.operator.status.CheckpointObservation;
import io.streampipe.operator.status.CheckpointResize;
import io.streampipe.operator.status.IngestObservation;
import io.streampipe.operator.status.Observation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Observations of a pipeline's parts at generation 3, for the status tests. */
final class TestObservations {
  static final Duration GRACE = Duration.ofMinutes(3);

  private TestObservations() {}

  static Observation observation(String jobState, boolean healthy) {
    return observation(jobState, healthy, IngestObservation.NONE);
  }

  /** The same, with an ingester observed as {@code ingest}. */
  static Observation observation(String jobState, boolean healthy, IngestObservation ingest) {
    GenericKubernetesResource topic = new GenericKubernetesResource();
    topic.setMetadata(new ObjectMetaBuilder().withName("t").withGeneration(2L).build());
    topic.setAdditionalProperty(
        "status",
        Map.of(
            "observedGeneration",
            healthy ? 2 : 1,
            "conditions",
            List.of(Map.of("type", "Ready", "status", "True"))));
    GenericKubernetesResource job = new GenericKubernetesResource();
    job.setMetadata(new ObjectMetaBuilder().withName("j").build());
    job.setAdditionalProperty(
        "status", Map.of("applicationState", Map.of("state", jobState, "errorMessage", "boom")));
    SchemaOutcome schema =
        healthy
            ? new SchemaOutcome(SchemaOutcome.State.READY, "ks.t", List.of())
            : new SchemaOutcome(
                SchemaOutcome.State.REFUSED,
                "ks.t",
                List.of("column id is uuid and cannot change to text"));
    return new Observation(
        3,
        Optional.empty(),
        1,
        List.of(topic),
        true,
        Optional.of(schema),
        new CheckpointObservation(
            Optional.of(
                new PersistentVolumeClaimBuilder()
                    .withNewStatus()
                    .withPhase("Bound")
                    .endStatus()
                    .build()),
            GRACE,
            List.of(),
            CheckpointResize.UNKNOWN),
        Optional.of(job),
        "in",
        "in.dlq",
        "ks.t",
        "20m",
        ingest);
  }

  static PipelineCondition condition(StreamingPipelineStatus status, String type) {
    return status.getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElseThrow();
  }
}
