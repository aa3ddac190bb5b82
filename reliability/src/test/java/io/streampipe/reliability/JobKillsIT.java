package io.streampipe.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.job.ItStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 1: the job is killed with SIGKILL at random moments under steady production and
 * restarted on its checkpoint each time. After the last restart every id is one row at its latest
 * value, every bad event has a dead letter, and nothing else is there.
 */
class JobKillsIT {
  private static final int KILLS = Integer.getInteger("reliability.kills", 5);
  private static final int RATE = Integer.getInteger("reliability.rate", 100);
  private static final long SEED = Long.getLong("reliability.seed", System.nanoTime());

  @TempDir Path dir;

  @Test
  void fiveKillsLoseAndDuplicateNothing() throws Exception {
    System.out.println("JobKillsIT seed " + SEED + ", kills " + KILLS + ", rate " + RATE + "/s");
    Random random = new Random(SEED);
    Stage stage = new Stage("kills", dir);
    List<Long> recoveries = new ArrayList<>();
    Map<UUID, String> expected;
    long produced;
    long bad;
    try (SteadyProducer producer =
        new SteadyProducer(ItStack.bootstrap(), stage.topic, RATE, SEED)) {
      Process job = stage.startJob();
      stage.awaitBatches(1, Duration.ofMinutes(2));
      for (int kill = 0; kill < KILLS; kill++) {
        // Anywhere from mid-batch to between batches: triggers are 1 s apart.
        Thread.sleep(500 + random.nextInt(4_000));
        Stage.kill(job);
        job = stage.startJob();
        recoveries.add(stage.awaitBatches(1, Duration.ofMinutes(2)));
      }
      producer.close();
      expected = producer.latest();
      produced = producer.produced();
      bad = producer.bad();
      Map<UUID, String> rows = stage.awaitRows(expected, Duration.ofMinutes(2));
      Stage.stop(job);
      Map<String, Integer> letters = stage.deadLetters(bad);
      long repeats = letters.values().stream().mapToLong(n -> n - 1).sum();
      Figures.add(
          "1. job killed -9 ×" + KILLS + " at random moments",
          produced,
          expected.size(),
          rows.size(),
          Stage.missingOrStale(expected, rows),
          Stage.extra(expected, rows),
          bad,
          letters.size(),
          repeats,
          "first batch "
              + recoveries.stream().mapToLong(Long::longValue).max().orElse(0)
              + " ms after restart at most (JVM start included)");

      assertThat(Stage.missingOrStale(expected, rows)).as("rows missing or stale").isZero();
      assertThat(Stage.extra(expected, rows)).as("rows that should not exist").isZero();
      assertThat(letters).as("distinct dead letters").hasSize((int) bad);
    }
    stage.assertNoSecretInOutput();
  }
}
