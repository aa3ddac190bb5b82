package io.streampipe.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.api.v1alpha1.TopicSpec;
import io.streampipe.testkit.LocalStack;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The topic provisioner against a real Kafka broker. */
class KafkaTopicProvisionerIT {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static KafkaTopicProvisioner topics;

  @BeforeAll
  static void connect() {
    topics = KafkaTopicProvisioner.connect(LocalStack.shared().kafka().bootstrapServers());
  }

  @AfterAll
  static void disconnect() {
    topics.close();
  }

  @Test
  void createsWithPartitionsAndConfigThenDoesNothing() {
    TopicSpec spec = TopicDefinitionTest.topic(name(), "12h", Map.of("cleanup.policy", "delete"));

    TopicResult created = topics.ensure(spec);
    TopicResult again = topics.ensure(spec);

    assertThat(created.created()).isTrue();
    TopicDefinition actual = topics.describe(spec.getName()).orElseThrow();
    assertThat(actual.partitions()).isEqualTo(4);
    assertThat(actual.replicas()).isEqualTo(1);
    assertThat(actual.config())
        .containsEntry("retention.ms", "43200000")
        .containsEntry("cleanup.policy", "delete");
    assertThat(again.created()).isFalse();
    assertThat(again.applied()).isEmpty();
    assertThat(again.refused()).isEmpty();
  }

  @Test
  void growsPartitionsAndUpdatesChangedConfig() {
    TopicSpec spec = TopicDefinitionTest.topic(name(), "12h", Map.of());
    topics.ensure(spec);
    spec.setPartitions(6);
    spec.setRetention("1h");

    TopicResult result = topics.ensure(spec);

    assertThat(result.applied()).hasSize(2);
    TopicDefinition actual = topics.describe(spec.getName()).orElseThrow();
    assertThat(actual.partitions()).isEqualTo(6);
    assertThat(actual.config()).containsEntry("retention.ms", "3600000");
    assertThat(topics.ensure(spec).isChanged()).isFalse();
  }

  @Test
  void refusesToShrinkAndChangesNothing() {
    TopicSpec spec = TopicDefinitionTest.topic(name(), "12h", Map.of());
    topics.ensure(spec);
    spec.setPartitions(2);
    spec.setRetention("1h");

    TopicResult result = topics.ensure(spec);

    assertThat(result.refused()).singleElement().asString().contains("cannot shrink");
    assertThat(result.applied()).isEmpty();
    TopicDefinition actual = topics.describe(spec.getName()).orElseThrow();
    assertThat(actual.partitions()).isEqualTo(4);
    assertThat(actual.config()).containsEntry("retention.ms", "43200000");
  }

  @Test
  void anAbsentTopicIsDescribedAsAbsent() {
    assertThat(topics.describe(name())).isEmpty();
  }

  private static String name() {
    return "topics-it." + SEQUENCE.incrementAndGet();
  }
}
