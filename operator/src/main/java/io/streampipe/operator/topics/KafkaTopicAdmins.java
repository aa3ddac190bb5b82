package io.streampipe.operator.topics;

import io.streampipe.provisioning.KafkaTopicProvisioner;
import io.streampipe.provisioning.TopicDefinition;
import io.streampipe.provisioning.TopicResult;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Production topic admins: the CLI's KafkaTopicProvisioner, one admin client per cluster. */
public final class KafkaTopicAdmins implements TopicAdmins {
  private final Map<String, KafkaTopicProvisioner> clients = new ConcurrentHashMap<>();

  @Override
  public TopicAdmin forServers(String bootstrapServers) {
    // Creating an admin client does not connect, so a cluster that is down fails the calls,
    // which the topic service reports, and the cached client reconnects by itself later.
    KafkaTopicProvisioner provisioner =
        clients.computeIfAbsent(bootstrapServers, KafkaTopicProvisioner::connect);
    return new TopicAdmin() {
      @Override
      public TopicResult ensure(TopicDefinition desired) {
        return provisioner.ensure(desired);
      }

      @Override
      public Optional<TopicDefinition> describe(String topic) {
        return provisioner.describe(topic);
      }

      @Override
      public void delete(String topic) {
        provisioner.delete(topic);
      }
    };
  }

  @Override
  public void close() {
    clients.values().forEach(KafkaTopicProvisioner::close);
    clients.clear();
  }
}
