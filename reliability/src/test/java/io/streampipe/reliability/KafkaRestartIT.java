package io.streampipe.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.job.ItStack;
import io.streampipe.testkit.KafkaServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 3: the Kafka broker is killed mid-stream and restarted on its log directory. The job
 * waits (and says so), then goes on: no row lost, no dead letter lost.
 */
class KafkaRestartIT {
  private static final int OUTAGE_SECONDS = Integer.getInteger("reliability.outageSeconds", 20);
  private static final int RATE = Integer.getInteger("reliability.rate", 100);
  private static final long SEED = Long.getLong("reliability.seed", System.nanoTime());

  @TempDir Path dir;

  @Test
  void aBrokerRestartLosesNothing() throws Exception {
    Stage stage = new Stage("kafka_restart", dir);
    KafkaServer kafka = ItStack.stack().kafka();
    try (SteadyProducer producer =
        new SteadyProducer(ItStack.bootstrap(), stage.topic, RATE, SEED)) {
      Process job = stage.startJob();
      stage.awaitBatches(2, Duration.ofMinutes(2));

      kafka.kill();
      Thread.sleep(OUTAGE_SECONDS * 1_000L);
      long down = System.nanoTime();
      kafka.restart();
      long outageSeconds = OUTAGE_SECONDS + (System.nanoTime() - down) / 1_000_000_000;
      long recovery = stage.awaitBatches(1, Duration.ofMinutes(3));
      assertThat(job.isAlive()).as("the job waited for Kafka").isTrue();
      assertThat(Files.readString(stage.latestLog())).contains("waiting for Kafka at");

      producer.close();
      Map<UUID, String> expected = producer.latest();
      Map<UUID, String> rows = stage.awaitRows(expected, Duration.ofMinutes(2));
      Stage.stop(job);
      Map<String, Integer> letters = stage.deadLetters(producer.bad());
      Figures.add(
          "3. Kafka broker killed, back on its log directory after " + outageSeconds + " s",
          producer.produced(),
          expected.size(),
          rows.size(),
          Stage.missingOrStale(expected, rows),
          Stage.extra(expected, rows),
          producer.bad(),
          letters.size(),
          letters.values().stream().mapToLong(n -> n - 1).sum(),
          "first batch " + recovery + " ms after the broker answered; no job restart");

      assertThat(Stage.missingOrStale(expected, rows)).as("rows missing or stale").isZero();
      assertThat(Stage.extra(expected, rows)).as("rows that should not exist").isZero();
      assertThat(letters).as("distinct dead letters").hasSize((int) producer.bad());
    }
    stage.assertNoSecretInOutput();
  }
}
