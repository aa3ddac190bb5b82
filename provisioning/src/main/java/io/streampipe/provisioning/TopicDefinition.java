package io.streampipe.provisioning;

import io.streampipe.api.Durations;
import io.streampipe.api.v1alpha1.DeadLetterSpec;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import io.streampipe.api.v1alpha1.TopicSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Kafka topic as the broker sees it: partitions, replication factor and topic configuration.
 *
 * @param config for a desired topic, the keys the spec sets; for an existing one, every key the
 *     broker reports
 */
public record TopicDefinition(
    String name, int partitions, int replicas, Map<String, String> config) {
  public static final String RETENTION_MS = "retention.ms";

  public TopicDefinition {
    config = Collections.unmodifiableMap(new TreeMap<>(config));
  }

  /**
   * The topic a defaulted topic spec asks for: {@code retention.ms} from its retention, then its
   * extra config, which wins when it also sets {@code retention.ms} (it is the explicit escape
   * hatch, while retention always carries a default).
   */
  public static TopicDefinition desired(TopicSpec topic) {
    Map<String, String> config = new TreeMap<>();
    config.put(RETENTION_MS, String.valueOf(Durations.require(topic.getRetention()).toMillis()));
    if (topic.getConfig() != null) {
      config.putAll(topic.getConfig());
    }
    return new TopicDefinition(topic.getName(), topic.getPartitions(), topic.getReplicas(), config);
  }

  /** The input topic, then the dead-letter topic when enabled, of a defaulted spec. */
  public static List<TopicDefinition> forPipeline(StreamingPipelineSpec defaulted) {
    List<TopicDefinition> topics = new ArrayList<>();
    topics.add(desired(defaulted.getSource().getTopic()));
    DeadLetterSpec deadLetter = defaulted.getQuality().getDeadLetter();
    if (deadLetter.isEnabled()) {
      topics.add(desired(deadLetter.getTopic()));
    }
    return topics;
  }
}
