package io.streampipe.operator.topics;

import io.streampipe.provisioning.TopicDefinition;
import io.streampipe.provisioning.TopicResult;

/** Kafka topics of one cluster, ensured over its Admin API when no Strimzi cluster manages them. */
public interface TopicAdmin {

  /** Creates the topic, or grows and reconfigures it when safe; refuses anything else. */
  TopicResult ensure(TopicDefinition desired);

  /** Deletes the topic if it exists. */
  void delete(String topic);
}
