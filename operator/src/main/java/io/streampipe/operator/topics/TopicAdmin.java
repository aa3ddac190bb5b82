package io.streampipe.operator.topics;

import io.streampipe.provisioning.TopicDefinition;
import io.streampipe.provisioning.TopicResult;
import java.util.Optional;

/** Kafka topics of one cluster, ensured over its Admin API when no Strimzi cluster manages them. */
public interface TopicAdmin {

  /** Creates the topic, or grows and reconfigures it when safe; refuses anything else. */
  TopicResult ensure(TopicDefinition desired);

  /** The topic as the broker describes it, every config key included; empty when absent. */
  Optional<TopicDefinition> describe(String topic);

  /** Deletes the topic if it exists. */
  void delete(String topic);
}
