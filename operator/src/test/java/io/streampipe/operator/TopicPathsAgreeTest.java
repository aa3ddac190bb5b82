package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.streampipe.api.Durations;
import io.streampipe.api.v1alpha1.TopicSpec;
import io.streampipe.operator.desired.DesiredKafkaTopics;
import io.streampipe.operator.desired.ResolvedPipeline;
import io.streampipe.provisioning.TopicDefinition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A spec gets the same topics whether Strimzi creates them from KafkaTopics or the operator over
 * the Kafka Admin API: every combination of the retention field and a retention.ms config entry.
 */
class TopicPathsAgreeTest {

  @ParameterizedTest(name = "retention={0} config retention.ms={1} dead letters={2}")
  @CsvSource(
      nullValues = "-",
      value = {
        "-,    -,    true",
        "12h,  -,    true",
        "-,    1000, true",
        "12h,  1000, true",
        "12h,  1000, false",
        "30d,  -,    false"
      })
  void strimziAndTheAdminApiAgree(String retention, String retentionMs, boolean deadLetters) {
    StreamingPipeline pipeline = TestPipelines.stored(TestPipelines.users("streams", "users"));
    TopicSpec input = pipeline.getSpec().getSource().getTopic();
    input.setRetention(retention);
    Map<String, String> config = new HashMap<>(Map.of("cleanup.policy", "delete"));
    if (retentionMs != null) {
      config.put(TopicDefinition.RETENTION_MS, retentionMs);
    }
    input.setConfig(config);
    pipeline.getSpec().getQuality().getDeadLetter().setEnabled(deadLetters);
    ResolvedPipeline resolved =
        ResolvedPipeline.of(pipeline, OperatorConfig.defaults(), Optional.empty());

    List<TopicDefinition> overAdminApi = TopicDefinition.forPipeline(resolved.spec());
    List<TopicDefinition> throughStrimzi =
        DesiredKafkaTopics.build(resolved, "v1").values().stream()
            .map(TopicPathsAgreeTest::asDefinition)
            .toList();

    assertThat(throughStrimzi).isEqualTo(overAdminApi);
    String expectedRetention =
        retentionMs != null
            ? retentionMs
            : String.valueOf(Durations.require(retention == null ? "7d" : retention).toMillis());
    assertThat(overAdminApi.get(0).config())
        .containsEntry(TopicDefinition.RETENTION_MS, expectedRetention);
  }

  @SuppressWarnings("unchecked")
  private static TopicDefinition asDefinition(GenericKubernetesResource topic) {
    Map<String, Object> spec = (Map<String, Object>) topic.getAdditionalProperties().get("spec");
    Map<String, String> config = new TreeMap<>();
    ((Map<String, Object>) spec.get("config")).forEach((k, v) -> config.put(k, String.valueOf(v)));
    return new TopicDefinition(
        (String) spec.getOrDefault("topicName", topic.getMetadata().getName()),
        (Integer) spec.get("partitions"),
        (Integer) spec.get("replicas"),
        config);
  }
}
