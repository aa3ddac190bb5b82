package io.streampipe.testkit;

import java.nio.file.Path;

/** The configuration files of a single-node KRaft broker that is its own controller. */
record KafkaConfig(int port, int controllerPort, Path dataDirectory) {

  static final String LOG4J2 =
      """
      rootLogger.level = INFO
      rootLogger.appenderRef.stdout.ref = STDOUT
      appender.stdout.type = Console
      appender.stdout.name = STDOUT
      appender.stdout.layout.type = PatternLayout
      appender.stdout.layout.pattern = [%d] %p %m (%c)%n
      """;

  String serverProperties() {
    return """
        process.roles=broker,controller
        node.id=1
        controller.quorum.voters=1@%1$s:%3$d
        listeners=PLAINTEXT://%1$s:%2$d,CONTROLLER://%1$s:%3$d
        advertised.listeners=PLAINTEXT://%1$s:%2$d
        listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
        controller.listener.names=CONTROLLER
        inter.broker.listener.name=PLAINTEXT
        log.dirs=%4$s
        # Spark maps Kafka partitions 1:1 to tasks, so auto-created topics get two.
        num.partitions=2
        # One replica of everything, and a small offsets topic so the first consumer group is quick.
        offsets.topic.replication.factor=1
        offsets.topic.num.partitions=1
        transaction.state.log.replication.factor=1
        transaction.state.log.min.isr=1
        share.coordinator.state.topic.replication.factor=1
        share.coordinator.state.topic.min.isr=1
        group.initial.rebalance.delay.ms=0
        num.network.threads=2
        num.io.threads=2
        background.threads=2
        """
        .formatted(FreePorts.HOST, port, controllerPort, dataDirectory);
  }
}
