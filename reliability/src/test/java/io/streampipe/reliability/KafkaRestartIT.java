package io.streampipe.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.job.ItStack;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 3: the Kafka broker is killed mid-stream and restarted on its log directory. The job
 * waits, says what for, then goes on: no row lost, no dead letter lost.
 */
class KafkaRestartIT {
  @TempDir Path dir;

  @Test
  void aBrokerRestartLosesNothing() throws Exception {
    Stage stage = new Stage("kafka-restart", dir);
    ServerOutage.run(
        stage,
        ItStack.stack().kafka(),
        "3. Kafka broker killed",
        false,
        () -> assertThat(Files.readString(stage.latestLog())).contains("waiting for Kafka at"));
  }
}
