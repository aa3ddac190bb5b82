package io.streampipe.provisioning;

import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import io.streampipe.api.v1alpha1.TopicSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates a pipeline's Kafka topics and grows or reconfigures them, never shrinking one. */
public final class KafkaTopicProvisioner implements AutoCloseable {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(KafkaTopicProvisioner.class);

  private final Admin admin;
  private final boolean ownsAdmin;
  private final KafkaCalls calls;
  private final Duration timeout;

  /** Over an admin client the caller keeps and closes. */
  public KafkaTopicProvisioner(Admin admin, Duration timeout) {
    this(admin, false, timeout);
  }

  private KafkaTopicProvisioner(Admin admin, boolean ownsAdmin, Duration timeout) {
    this.admin = admin;
    this.ownsAdmin = ownsAdmin;
    this.calls = new KafkaCalls(timeout);
    this.timeout = timeout;
  }

  /** With its own admin client, closed by {@link #close()}. */
  public static KafkaTopicProvisioner connect(String bootstrapServers) {
    int timeoutMs = (int) DEFAULT_TIMEOUT.toMillis();
    Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.CLIENT_ID_CONFIG, "streampipe-provisioning"));
    return new KafkaTopicProvisioner(admin, true, DEFAULT_TIMEOUT);
  }

  /** The input topic and, when enabled, the dead-letter topic of a defaulted spec. */
  public List<TopicResult> ensureAll(StreamingPipelineSpec defaulted) {
    return TopicDefinition.forPipeline(defaulted).stream().map(this::ensure).toList();
  }

  /** Ensures the topic a defaulted topic spec describes. */
  public TopicResult ensure(TopicSpec defaulted) {
    return ensure(TopicDefinition.desired(defaulted));
  }

  /** Creates the topic, or moves it toward {@code desired} when the plan is safe. Idempotent. */
  public TopicResult ensure(TopicDefinition desired) {
    Optional<TopicDefinition> existing = describe(desired.name());
    if (existing.isPresent()) {
      return update(existing.get(), desired);
    }
    try {
      return create(desired);
    } catch (TopicExistsException raced) {
      // Created by someone else a moment ago; its metadata may not have reached us yet.
      TopicDefinition theirs =
          await(desired.name(), topic -> true)
              .orElseThrow(
                  () ->
                      new ProvisioningException(
                          "topic " + desired.name() + " exists but cannot be described", raced));
      return update(theirs, desired);
    }
  }

  /** The topic as the broker reports it, every config key included; empty when absent. */
  public Optional<TopicDefinition> describe(String name) {
    try {
      TopicDescription description =
          calls.get(admin.describeTopics(List.of(name)).allTopicNames()).get(name);
      int replicas = description.partitions().get(0).replicas().size();
      return Optional.of(
          new TopicDefinition(name, description.partitions().size(), replicas, config(name)));
    } catch (UnknownTopicOrPartitionException absent) {
      return Optional.empty();
    }
  }

  private Map<String, String> config(String topic) {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    Config config = calls.get(admin.describeConfigs(List.of(resource)).all()).get(resource);
    Map<String, String> values = new TreeMap<>();
    for (ConfigEntry entry : config.entries()) {
      if (entry.value() != null) {
        values.put(entry.name(), entry.value());
      }
    }
    return values;
  }

  /** Deletes the topic if it exists. */
  public void delete(String name) {
    try {
      calls.get(admin.deleteTopics(List.of(name)).all());
      LOG.info("deleted topic {}", name);
    } catch (UnknownTopicOrPartitionException absent) {
      LOG.debug("topic {} was already absent", name);
    }
  }

  @Override
  public void close() {
    if (ownsAdmin) {
      admin.close(DEFAULT_TIMEOUT);
    }
  }

  /**
   * Waits, bounded, until the broker describes the topic as {@code done} says: metadata spreads
   * asynchronously, and callers (a job starting, the next ensure) expect to see the change.
   */
  private Optional<TopicDefinition> await(String name, Predicate<TopicDefinition> done) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Optional<TopicDefinition> topic = describe(name);
    while (topic.filter(done).isEmpty() && System.nanoTime() < deadline) {
      KafkaCalls.pause();
      topic = describe(name);
    }
    return topic.filter(done);
  }

  /** The broker accepted the change; a value it normalizes differently only earns a warning. */
  private void awaitConverged(TopicDefinition desired) {
    if (await(desired.name(), actual -> TopicPlan.between(actual, desired).isNoop()).isEmpty()) {
      LOG.warn("topic {} does not show {} after {}", desired.name(), desired, timeout);
    }
  }

  private TopicResult create(TopicDefinition desired) {
    NewTopic topic =
        new NewTopic(desired.name(), desired.partitions(), (short) desired.replicas())
            .configs(desired.config());
    calls.get(admin.createTopics(List.of(topic)).all());
    awaitConverged(desired);
    String line =
        "created with "
            + desired.partitions()
            + " partitions, replication factor "
            + desired.replicas()
            + ", config "
            + desired.config();
    LOG.info("topic {}: {}", desired.name(), line);
    return new TopicResult(desired.name(), true, List.of(line), List.of());
  }

  private TopicResult update(TopicDefinition existing, TopicDefinition desired) {
    TopicPlan plan = TopicPlan.between(existing, desired);
    if (plan.isRefused()) {
      LOG.warn("topic {}: refusing {}", desired.name(), plan.refused());
      return new TopicResult(desired.name(), false, List.of(), plan.refused());
    }
    List<String> applied = new ArrayList<>();
    if (!plan.configChanges().isEmpty()) {
      alterConfig(desired.name(), plan.configChanges());
      applied.add("config set " + plan.configChanges());
    }
    plan.growPartitionsTo()
        .ifPresent(
            count -> {
              calls.get(
                  admin
                      .createPartitions(Map.of(desired.name(), NewPartitions.increaseTo(count)))
                      .all());
              applied.add("partitions grown from " + existing.partitions() + " to " + count);
            });
    if (!applied.isEmpty()) {
      awaitConverged(desired);
    }
    applied.forEach(line -> LOG.info("topic {}: {}", desired.name(), line));
    return new TopicResult(desired.name(), false, applied, List.of());
  }

  private void alterConfig(String topic, Map<String, String> changes) {
    Collection<AlterConfigOp> ops =
        changes.entrySet().stream()
            .map(
                e ->
                    new AlterConfigOp(
                        new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
            .toList();
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    calls.get(admin.incrementalAlterConfigs(Map.of(resource, ops)).all());
  }
}
