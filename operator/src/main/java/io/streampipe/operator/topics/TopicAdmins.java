package io.streampipe.operator.topics;

/** Hands out the topic admin of a Kafka cluster by its bootstrap servers, reusing its client. */
public interface TopicAdmins extends AutoCloseable {

  TopicAdmin forServers(String bootstrapServers);

  @Override
  default void close() {}
}
