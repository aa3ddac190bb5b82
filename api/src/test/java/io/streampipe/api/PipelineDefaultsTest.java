package io.streampipe.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.api.v1alpha1.BudgetAction;
import io.streampipe.api.v1alpha1.BudgetSpec;
import io.streampipe.api.v1alpha1.DeletionPolicy;
import io.streampipe.api.v1alpha1.QualitySpec;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import org.junit.jupiter.api.Test;

class PipelineDefaultsTest {

  @Test
  void fillsEveryDefaultOfAMinimalSpec() {
    StreamingPipelineSpec raw =
        PipelineDocuments.parse(PipelineDocumentsTest.minimal(), "p").spec();

    StreamingPipelineSpec spec = PipelineDefaults.apply(raw);

    assertThat(spec.getSource().getStartingOffsets()).isEqualTo("earliest");
    assertThat(spec.getSource().getFormat()).isEqualTo("json");
    assertThat(spec.getSource().getRegistry()).isNull();
    assertThat(spec.getSource().getMaxOffsetsPerTrigger()).isEqualTo(100_000L);
    assertThat(spec.getSource().getTopic().getReplicas()).isEqualTo(1);
    assertThat(spec.getSource().getTopic().getRetention()).isEqualTo("7d");
    assertThat(spec.getQuality().getDeadLetter().isEnabled()).isTrue();
    assertThat(spec.getQuality().getDeadLetter().getTopic().getName()).isEqualTo("in.dlq");
    assertThat(spec.getQuality().getDeadLetter().getTopic().getPartitions()).isEqualTo(1);
    assertThat(spec.getQuality().getDedupKeys()).containsExactly("id");
    assertThat(spec.getSink().getCassandra().getTtl()).isEqualTo("0");
    assertThat(spec.getSink().getCassandra().getWriteBatch().getMaxRows()).isEqualTo(10);
    assertThat(spec.getSink().getCassandra().getWriteBatch().getMaxBytes()).isEqualTo(4608);
    assertThat(spec.getSink().getCassandra().getLocalDatacenter()).isEqualTo("datacenter1");
    assertThat(spec.getSink().getCassandra().getKeyspace().getReplication().getReplicationFactor())
        .isEqualTo(1);
    assertThat(spec.getProcessing().getTrigger()).isEqualTo("10s");
    assertThat(spec.getProcessing().getExecutor().getInstances()).isEqualTo(1);
    assertThat(spec.getProcessing().getCheckpoint().getSize()).isEqualTo("1Gi");
    assertThat(spec.getMonitoring().getPrometheus().getPort()).isEqualTo(9464);
    assertThat(spec.getDeletionPolicy()).isEqualTo(DeletionPolicy.Retain);
    assertThat(spec.getSuspend()).isFalse();
    assertThat(spec.getQuality().getBudget()).isNull();
  }

  @Test
  void aBudgetGetsItsWindowAndActionWhereTheUserSetNone() {
    StreamingPipelineSpec raw = Examples.usersSpec();
    raw.setQuality(new QualitySpec());
    raw.getQuality().setBudget(new BudgetSpec());
    raw.getQuality().getBudget().setMaxDeadLetterRatio(0.05);

    BudgetSpec budget = PipelineDefaults.apply(raw).getQuality().getBudget();

    assertThat(budget.getWindow()).isEqualTo("10m");
    assertThat(budget.getOnExceeded()).isEqualTo(BudgetAction.Warn);
    assertThat(budget.getMaxDeadLetterRatio()).isEqualTo(0.05);
  }

  @Test
  void leavesTheOriginalUntouchedAndKeepsWhatTheUserSet() {
    StreamingPipelineSpec raw = Examples.usersSpec();

    StreamingPipelineSpec spec = PipelineDefaults.apply(raw);

    assertThat(raw.getQuality().getDeadLetter().getTopic()).isNull();
    assertThat(spec.getSource().getMaxOffsetsPerTrigger()).isEqualTo(1000L);
    assertThat(spec.getSink().getCassandra().getTtl()).isEqualTo("20m");
    assertThat(spec.getQuality().getDeadLetter().getTopic().getName())
        .isEqualTo("users_created.dlq");
  }

  @Test
  void disabledDeadLetterGetsNoTopic() {
    StreamingPipelineSpec raw = Examples.usersSpec();
    raw.getQuality().getDeadLetter().setEnabled(false);

    assertThat(PipelineDefaults.apply(raw).getQuality().getDeadLetter().getTopic()).isNull();
  }

  @Test
  void anAvroRegistrySubjectFollowsTheTopicUnlessGiven() {
    StreamingPipelineSpec raw = Examples.usersSpec();
    raw.getSource().setFormat("avro");
    raw.getSource().setRegistry(new io.streampipe.api.v1alpha1.RegistrySpec());

    assertThat(PipelineDefaults.apply(raw).getSource().getRegistry().getSubject())
        .isEqualTo("users_created-value");
    raw.getSource().getRegistry().setSubject("users");
    assertThat(PipelineDefaults.apply(raw).getSource().getRegistry().getSubject())
        .isEqualTo("users");
  }
}
