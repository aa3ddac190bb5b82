package io.streampipe.operator;

import static io.streampipe.operator.TestObservations.condition;
import static io.streampipe.operator.TestObservations.observation;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.streampipe.api.v1alpha1.PipelineCondition;
import io.streampipe.api.v1alpha1.StreamingPipelineStatus;
import io.streampipe.api.validation.Problem;
import io.streampipe.operator.status.CheckpointObservation;
import io.streampipe.operator.status.CheckpointResize;
import io.streampipe.operator.status.IngestObservation;
import io.streampipe.operator.status.Observation;
import io.streampipe.operator.status.StatusAggregator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The status aggregator as pure logic. */
class StatusAggregatorTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant T1 = Instant.parse("2026-01-01T00:05:00Z");
  private static final Duration GRACE = Duration.ofMinutes(3);
  private static final String CHECKPOINT = StatusAggregator.CHECKPOINT_READY;

  @Test
  void allPartsReadyMeansReady() {
    StreamingPipelineStatus status =
        StatusAggregator.aggregate(null, observation("RUNNING", true), T0);
    assertThat(condition(status, "Ready").getStatus()).isEqualTo("True");
    assertThat(status.getConditions())
        .extracting(PipelineCondition::getType)
        .containsExactly(
            "SpecValid", "TopicsReady", "SchemaReady", "CheckpointReady", "JobRunning", "Ready");
    assertThat(status.getObservedGeneration()).isEqualTo(3L);
    assertThat(status.getJobState()).isEqualTo("RUNNING");
    assertThat(status.getTable()).isEqualTo("ks.t");
  }

  @Test
  void unchangedObservationChangesNothingNotEvenTimes() {
    StreamingPipelineStatus first =
        StatusAggregator.aggregate(null, observation("RUNNING", true), T0);
    StreamingPipelineStatus second =
        StatusAggregator.aggregate(first, observation("RUNNING", true), T1);
    assertThat(StatusAggregator.changed(first, second)).isFalse();
  }

  @Test
  void aTransitionMovesOnlyItsTime() {
    StreamingPipelineStatus first =
        StatusAggregator.aggregate(null, observation("RUNNING", true), T0);
    StreamingPipelineStatus failed =
        StatusAggregator.aggregate(first, observation("FAILED", true), T1);
    assertThat(condition(failed, "JobRunning").getReason()).isEqualTo("JobFailed");
    assertThat(condition(failed, "JobRunning").getLastTransitionTime()).isEqualTo(T1.toString());
    assertThat(condition(failed, "TopicsReady").getLastTransitionTime()).isEqualTo(T0.toString());
    assertThat(condition(failed, "Ready").getMessage()).contains("JobRunning");
  }

  @Test
  void notReadyTopicsAndRefusedSchemaExplainThemselves() {
    StreamingPipelineStatus status =
        StatusAggregator.aggregate(null, observation("RUNNING", false), T0);
    assertThat(condition(status, "TopicsReady").getReason()).isEqualTo("TopicsPending");
    assertThat(condition(status, "SchemaReady").getReason()).isEqualTo("SchemaChangeRefused");
    assertThat(condition(status, "SchemaReady").getMessage()).contains("column id is uuid");
  }

  @Test
  void kafkaTopicsWithoutStrimziSayWhatToDo() {
    Observation o = observation("RUNNING", true);
    Observation noStrimzi =
        new Observation(
            o.generation(),
            o.adminTopics(),
            o.desiredTopics(),
            List.of(),
            false,
            o.schema(),
            o.checkpoint(),
            o.job(),
            o.topic(),
            o.deadLetterTopic(),
            o.table(),
            o.ttl(),
            IngestObservation.NONE);
    PipelineCondition topics =
        condition(StatusAggregator.aggregate(null, noStrimzi, T0), "TopicsReady");
    assertThat(topics.getStatus()).isEqualTo("False");
    assertThat(topics.getReason()).isEqualTo("StrimziNotInstalled");
    assertThat(topics.getMessage()).contains("bootstrapServers", "install Strimzi");
  }

  @Test
  void invalidSpecTouchesOnlyReady() {
    StreamingPipelineStatus good =
        StatusAggregator.aggregate(null, observation("RUNNING", true), T0);
    StreamingPipelineStatus bad =
        StatusAggregator.invalid(
            good,
            4,
            List.of(new Problem("spec.sink.cassandra.ttl", "bad"), new Problem("spec.x", "worse")),
            T1);
    assertThat(condition(bad, "Ready").getReason()).isEqualTo("InvalidSpec");
    assertThat(condition(bad, "Ready").getMessage())
        .contains("spec.sink.cassandra.ttl: bad")
        .contains("spec.x: worse");
    assertThat(condition(bad, "JobRunning")).isEqualTo(condition(good, "JobRunning"));
    assertThat(bad.getObservedGeneration()).as("nothing new was deployed").isEqualTo(3L);
    assertThat(condition(bad, "Ready").getObservedGeneration()).isEqualTo(4L);
  }

  @Test
  void aPendingClaimCountsAsReadyOnlyWithinItsGrace() {
    PersistentVolumeClaim pending = claim(null, T0.minusSeconds(60));
    PipelineCondition early =
        condition(StatusAggregator.aggregate(null, withClaim(pending, List.of()), T0), CHECKPOINT);
    assertThat(early.getStatus()).isEqualTo("True");
    assertThat(early.getReason()).isEqualTo("CheckpointPending");

    PersistentVolumeClaim stuck = claim("Pending", T0.minus(GRACE));
    List<String> events =
        List.of("ProvisioningFailed: storageclass.storage.k8s.io \"fast\" not found");
    StreamingPipelineStatus late = StatusAggregator.aggregate(null, withClaim(stuck, events), T0);
    assertThat(condition(late, CHECKPOINT).getStatus()).isEqualTo("False");
    assertThat(condition(late, CHECKPOINT).getReason()).isEqualTo("CheckpointNotBound");
    assertThat(condition(late, CHECKPOINT).getMessage())
        .isEqualTo(
            "the checkpoint claim is still Pending 180 s after it was created:"
                + " ProvisioningFailed: storageclass.storage.k8s.io \"fast\" not found");
    assertThat(condition(late, "Ready").getStatus()).isEqualTo("False");
    assertThat(condition(late, "Ready").getMessage()).contains(CHECKPOINT);
  }

  @Test
  void aClaimWithoutEventsStillSaysWhyItIsNotReady() {
    PipelineCondition c =
        condition(
            StatusAggregator.aggregate(
                null, withClaim(claim(null, T0.minusSeconds(3600)), List.of()), T0),
            CHECKPOINT);
    assertThat(c.getStatus()).isEqualTo("False");
    assertThat(c.getMessage()).endsWith(": no events recorded for it");
  }

  @Test
  void aBoundClaimIsReadyAndALostOneIsNotWhateverItsAge() {
    Instant old = T0.minusSeconds(3600);
    assertThat(
            condition(
                    StatusAggregator.aggregate(null, withClaim(claim("Bound", old), List.of()), T0),
                    CHECKPOINT)
                .getStatus())
        .isEqualTo("True");
    PipelineCondition lost =
        condition(
            StatusAggregator.aggregate(
                null, withClaim(claim("Lost", T0.minusSeconds(5)), List.of()), T0),
            CHECKPOINT);
    assertThat(lost.getStatus()).isEqualTo("False");
    assertThat(lost.getMessage()).contains("lost");
  }

  private static PersistentVolumeClaim claim(String phase, Instant created) {
    var builder =
        new PersistentVolumeClaimBuilder()
            .withNewMetadata()
            .withName("users-checkpoint")
            .withCreationTimestamp(created.toString())
            .endMetadata();
    return phase == null
        ? builder.build()
        : builder.withNewStatus().withPhase(phase).endStatus().build();
  }

  private static Observation withClaim(PersistentVolumeClaim claim, List<String> events) {
    Observation o = observation("RUNNING", true);
    return new Observation(
        o.generation(),
        o.adminTopics(),
        o.desiredTopics(),
        o.topics(),
        o.strimziInstalled(),
        o.schema(),
        new CheckpointObservation(Optional.of(claim), GRACE, events, CheckpointResize.UNKNOWN),
        o.job(),
        o.topic(),
        o.deadLetterTopic(),
        o.table(),
        o.ttl(),
        IngestObservation.NONE);
  }
}
