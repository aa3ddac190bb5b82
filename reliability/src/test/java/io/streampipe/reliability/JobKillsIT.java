package io.streampipe.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 1: the job is killed with SIGKILL at random moments under steady production and
 * restarted on its checkpoint each time. After the last restart every id is one row at its latest
 * value, every bad event has a dead letter, and nothing else is there.
 */
class JobKillsIT {
  private static final int KILLS = Integer.getInteger("reliability.kills", 5);

  @TempDir Path dir;

  @Test
  void fiveKillsLoseAndDuplicateNothing() throws Exception {
    System.out.println(
        "JobKillsIT seed "
            + SteadyProducer.SEED
            + ", kills "
            + KILLS
            + ", rate "
            + SteadyProducer.RATE
            + "/s");
    Random random = new Random(SteadyProducer.SEED);
    Stage stage = new Stage("kills", dir);
    List<Long> recoveries = new ArrayList<>();
    try (SteadyProducer producer = SteadyProducer.onTopic(stage.topic)) {
      Process job = stage.startJob();
      stage.awaitBatches(1, Duration.ofMinutes(2));
      for (int kill = 0; kill < KILLS; kill++) {
        // Anywhere from mid-batch to between batches: triggers are 1 s apart.
        Thread.sleep(500 + random.nextInt(4_000));
        Stage.kill(job);
        job = stage.startJob();
        recoveries.add(stage.awaitBatches(1, Duration.ofMinutes(2)));
      }
      Verdict.settle(
          stage,
          producer,
          job,
          "1. job killed -9 ×" + KILLS + " at random moments",
          "first batch "
              + recoveries.stream().mapToLong(Long::longValue).max().orElse(0)
              + " ms after restart at most (JVM start included)",
          false);
    }
    stage.assertNoSecretInOutput();
  }
}
