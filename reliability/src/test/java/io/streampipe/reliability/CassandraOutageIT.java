package io.streampipe.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.job.ItStack;
import io.streampipe.testkit.CassandraServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 2: Cassandra's process is killed under steady production and restarted on its data
 * directory after an outage. The job's writer retries through it (sink.cassandra.writeRetryTimeout,
 * 2 minutes by default), so the job neither fails nor re-sends a dead letter, and no row is lost.
 */
class CassandraOutageIT {
  private static final int OUTAGE_SECONDS = Integer.getInteger("reliability.outageSeconds", 20);
  private static final int RATE = Integer.getInteger("reliability.rate", 100);
  private static final long SEED = Long.getLong("reliability.seed", System.nanoTime());

  @TempDir Path dir;

  @Test
  void anOutageIsRiddenOutWithoutARestartOrALostRow() throws Exception {
    Stage stage = new Stage("cassandra_down", dir);
    CassandraServer cassandra = ItStack.stack().cassandra();
    try (SteadyProducer producer =
        new SteadyProducer(ItStack.bootstrap(), stage.topic, RATE, SEED)) {
      Process job = stage.startJob();
      stage.awaitBatches(2, Duration.ofMinutes(2));

      long down = System.nanoTime();
      cassandra.kill();
      Thread.sleep(OUTAGE_SECONDS * 1_000L);
      cassandra.restart();
      long outageMillis = (System.nanoTime() - down) / 1_000_000;
      long recovery = stage.awaitBatches(1, Duration.ofMinutes(3));
      assertThat(job.isAlive()).as("the job rode the outage out").isTrue();

      producer.close();
      Map<UUID, String> expected = producer.latest();
      Map<UUID, String> rows = stage.awaitRows(expected, Duration.ofMinutes(2));
      Stage.stop(job);
      Map<String, Integer> letters = stage.deadLetters(producer.bad());
      long repeats = letters.values().stream().mapToLong(n -> n - 1).sum();
      Figures.add(
          "2. Cassandra killed, back on its data after " + outageMillis / 1000 + " s",
          producer.produced(),
          expected.size(),
          rows.size(),
          Stage.missingOrStale(expected, rows),
          Stage.extra(expected, rows),
          producer.bad(),
          letters.size(),
          repeats,
          "first batch " + recovery + " ms after Cassandra answered; no job restart");

      assertThat(Stage.missingOrStale(expected, rows)).as("rows missing or stale").isZero();
      assertThat(Stage.extra(expected, rows)).as("rows that should not exist").isZero();
      assertThat(letters).as("distinct dead letters").hasSize((int) producer.bad());
      assertThat(repeats).as("dead letters re-sent: the retry is inside the writer").isZero();
    }
    stage.assertNoSecretInOutput();
  }
}
