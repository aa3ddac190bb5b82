package io.streampipe.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TopicPlanTest {
  private final TopicDefinition existing =
      new TopicDefinition(
          "t", 3, 1, Map.of("retention.ms", "604800000", "segment.bytes", "1073741824"));

  @Test
  void sameTopicIsANoop() {
    TopicDefinition desired = new TopicDefinition("t", 3, 1, Map.of("retention.ms", "604800000"));
    assertThat(TopicPlan.between(existing, desired).isNoop()).isTrue();
  }

  @Test
  void partitionsGrowAndOnlyChangedKeysAreSet() {
    TopicDefinition desired =
        new TopicDefinition(
            "t", 6, 1, Map.of("retention.ms", "3600000", "segment.bytes", "1073741824"));

    TopicPlan plan = TopicPlan.between(existing, desired);

    assertThat(plan.growPartitionsTo()).isEqualTo(Optional.of(6));
    assertThat(plan.configChanges()).containsExactly(Map.entry("retention.ms", "3600000"));
    assertThat(plan.refused()).isEmpty();
  }

  @Test
  void shrinkingAndReplicationChangesAreRefusedWithNothingElse() {
    TopicDefinition desired = new TopicDefinition("t", 2, 3, Map.of("retention.ms", "1"));

    TopicPlan plan = TopicPlan.between(existing, desired);

    assertThat(plan.refused())
        .containsExactly(
            "topic t has 3 partitions and cannot shrink to 2",
            "topic t has replication factor 1; changing it to 3 needs a partition reassignment");
    assertThat(plan.growPartitionsTo()).isEmpty();
    assertThat(plan.configChanges()).isEmpty();
  }
}
