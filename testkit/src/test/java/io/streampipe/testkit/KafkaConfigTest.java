package io.streampipe.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaConfigTest {

  @Test
  void brokerIsItsOwnControllerOnLoopbackPorts() throws Exception {
    Properties properties = new Properties();
    properties.load(
        new StringReader(new KafkaConfig(9092, 9093, Path.of("/tmp/k/data")).serverProperties()));

    assertThat(properties)
        .containsEntry("process.roles", "broker,controller")
        .containsEntry("controller.quorum.voters", "1@127.0.0.1:9093")
        .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
        .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:9092")
        .containsEntry("log.dirs", "/tmp/k/data")
        .containsEntry("offsets.topic.replication.factor", "1");
  }
}
