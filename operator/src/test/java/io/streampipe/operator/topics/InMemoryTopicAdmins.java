package io.streampipe.operator.topics;

import io.streampipe.provisioning.TopicDefinition;
import io.streampipe.provisioning.TopicPlan;
import io.streampipe.provisioning.TopicResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kafka clusters kept in memory, with the same plans as the real admin (grow, reconfigure, refuse
 * shrinking): for the mock API server's tests and benchmark, never for a cluster.
 */
public final class InMemoryTopicAdmins implements TopicAdmins {
  private final Map<String, Cluster> clusters = new ConcurrentHashMap<>();

  @Override
  public TopicAdmin forServers(String bootstrapServers) {
    return clusters.computeIfAbsent(bootstrapServers, s -> new Cluster());
  }

  /** The topics of the cluster at these servers, as a broker would describe them. */
  public Optional<TopicDefinition> describe(String bootstrapServers, String topic) {
    return Optional.ofNullable(clusters.get(bootstrapServers)).flatMap(c -> c.describe(topic));
  }

  /** One in-memory cluster. */
  static final class Cluster implements TopicAdmin {
    private final Map<String, TopicDefinition> topics = new TreeMap<>();

    @Override
    public synchronized Optional<TopicDefinition> describe(String topic) {
      return Optional.ofNullable(topics.get(topic));
    }

    @Override
    public synchronized TopicResult ensure(TopicDefinition desired) {
      TopicDefinition existing = topics.get(desired.name());
      if (existing == null) {
        topics.put(desired.name(), desired);
        return new TopicResult(desired.name(), true, List.of("created"), List.of());
      }
      TopicPlan plan = TopicPlan.between(existing, desired);
      if (plan.isRefused()) {
        return new TopicResult(desired.name(), false, List.of(), plan.refused());
      }
      if (plan.isNoop()) {
        return new TopicResult(desired.name(), false, List.of(), List.of());
      }
      Map<String, String> config = new TreeMap<>(existing.config());
      config.putAll(plan.configChanges());
      int partitions = plan.growPartitionsTo().orElse(existing.partitions());
      topics.put(
          desired.name(),
          new TopicDefinition(desired.name(), partitions, existing.replicas(), config));
      return new TopicResult(desired.name(), false, List.of("changed " + plan), List.of());
    }

    @Override
    public synchronized void delete(String topic) {
      topics.remove(topic);
    }
  }
}
