package io.streampipe.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import io.streampipe.api.v1alpha1.TopicSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicDefinitionTest {

  @Test
  void retentionBecomesRetentionMs() {
    TopicSpec spec = topic("t", "12h", Map.of("cleanup.policy", "delete"));

    TopicDefinition topic = TopicDefinition.desired(spec);

    assertThat(topic.config())
        .containsExactly(
            Map.entry("cleanup.policy", "delete"), Map.entry("retention.ms", "43200000"));
    assertThat(topic.partitions()).isEqualTo(4);
    assertThat(topic.replicas()).isEqualTo(1);
  }

  @Test
  void explicitConfigWinsOverTheRetentionField() {
    TopicSpec spec = topic("t", "7d", Map.of("retention.ms", "1000"));
    assertThat(TopicDefinition.desired(spec).config()).containsEntry("retention.ms", "1000");
  }

  @Test
  void aPipelineHasItsInputAndDeadLetterTopics() {
    StreamingPipelineSpec spec = Pipelines.usersDefaulted();

    assertThat(TopicDefinition.forPipeline(spec))
        .extracting(TopicDefinition::name, TopicDefinition::partitions)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("users_created", 3),
            org.assertj.core.groups.Tuple.tuple("users_created.dlq", 3));
  }

  @Test
  void noDeadLetterTopicWhenDisabled() {
    StreamingPipelineSpec spec = Pipelines.users().spec();
    spec.getQuality().getDeadLetter().setEnabled(false);

    assertThat(TopicDefinition.forPipeline(io.streampipe.api.PipelineDefaults.apply(spec)))
        .extracting(TopicDefinition::name)
        .containsExactly("users_created");
  }

  static TopicSpec topic(String name, String retention, Map<String, String> config) {
    TopicSpec spec = new TopicSpec();
    spec.setName(name);
    spec.setPartitions(4);
    spec.setReplicas(1);
    spec.setRetention(retention);
    spec.setConfig(config);
    return spec;
  }
}
