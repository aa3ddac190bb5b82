package io.streampipe.operator.desired;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.streampipe.api.v1alpha1.DeadLetterSpec;
import io.streampipe.api.v1alpha1.TopicSpec;
import io.streampipe.provisioning.TopicDefinition;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The Strimzi KafkaTopics of a pipeline: its input topic and, when enabled, its dead letters. */
public final class DesiredKafkaTopics {
  public static final String GROUP = "kafka.strimzi.io";
  public static final String KIND = "KafkaTopic";
  public static final String INPUT = "input";
  public static final String DEAD_LETTER = "dead-letter";

  private DesiredKafkaTopics() {}

  /**
   * The topics keyed by role; empty when no Strimzi cluster manages them (topics then exist outside
   * the operator's care).
   *
   * @param version the KafkaTopic API version the cluster serves (v1, or v1beta2 on Strimzi 0.4x)
   */
  public static Map<String, GenericKubernetesResource> build(
      ResolvedPipeline pipeline, String version) {
    Map<String, GenericKubernetesResource> topics = new LinkedHashMap<>();
    if (pipeline.kafkaCluster().isEmpty()) {
      return topics;
    }
    topics.put(INPUT, topic(pipeline, pipeline.spec().getSource().getTopic(), INPUT, version));
    DeadLetterSpec deadLetter = pipeline.spec().getQuality().getDeadLetter();
    if (deadLetter.isEnabled()) {
      topics.put(DEAD_LETTER, topic(pipeline, deadLetter.getTopic(), DEAD_LETTER, version));
    }
    return topics;
  }

  private static GenericKubernetesResource topic(
      ResolvedPipeline pipeline, TopicSpec topic, String role, String version) {
    Map<String, Object> spec = new LinkedHashMap<>();
    if (!Names.isResourceName(topic.getName())) {
      spec.put("topicName", topic.getName());
    }
    // The same topic the Admin API path creates: one rule decides partitions and config.
    TopicDefinition definition = TopicDefinition.desired(topic);
    spec.put("partitions", definition.partitions());
    spec.put("replicas", definition.replicas());
    spec.put("config", strimziConfig(definition.config()));
    Map<String, String> labels =
        Map.of(
            Labels.STRIMZI_CLUSTER,
            pipeline.kafkaCluster().orElseThrow(),
            "streampipe.io/topic-role",
            role);
    return GenericResources.of(
        GROUP + "/" + version,
        KIND,
        pipeline.metadata(Names.kafkaTopic(topic.getName()), "topic", labels),
        spec);
  }

  /** The config as given, but retention in milliseconds as a number, as Strimzi documents it. */
  private static Map<String, Object> strimziConfig(Map<String, String> config) {
    Map<String, Object> values = new TreeMap<>(config);
    String retention = config.get(TopicDefinition.RETENTION_MS);
    if (retention != null && retention.matches("-?\\d{1,18}")) {
      values.put(TopicDefinition.RETENTION_MS, Long.valueOf(retention));
    }
    return values;
  }
}
