package io.streampipe.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.job.ItStack;
import io.streampipe.testkit.ForkedServer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Scenarios 2 and 3: a server's process is killed under steady production and restarted on its data
 * after an outage; the job must ride it out without a restart and lose no row.
 */
final class ServerOutage {
  static final int OUTAGE_SECONDS = Integer.getInteger("reliability.outageSeconds", 20);
  private static final int RATE = Integer.getInteger("reliability.rate", 100);
  private static final long SEED = Long.getLong("reliability.seed", System.nanoTime());

  /** A check once the server answers again. */
  interface Check {
    void run() throws Exception;
  }

  private ServerOutage() {}

  /**
   * @param noRepeats whether no dead letter may be sent twice (the writer retries in place)
   */
  static void run(
      Stage stage, ForkedServer server, String scenario, boolean noRepeats, Check afterReturn)
      throws Exception {
    try (SteadyProducer producer =
        new SteadyProducer(ItStack.bootstrap(), stage.topic, RATE, SEED)) {
      Process job = stage.startJob();
      stage.awaitBatches(2, Duration.ofMinutes(2));

      long down = System.nanoTime();
      server.kill();
      Thread.sleep(OUTAGE_SECONDS * 1_000L);
      server.restart();
      long outageSeconds = (System.nanoTime() - down) / 1_000_000_000;
      long recovery = stage.awaitBatches(1, Duration.ofMinutes(3));
      assertThat(job.isAlive()).as("the job rode the outage out").isTrue();
      afterReturn.run();

      producer.close();
      Map<UUID, String> expected = producer.latest();
      Map<UUID, String> rows = stage.awaitRows(expected, Duration.ofMinutes(2));
      Stage.stop(job);
      Map<String, Integer> letters = stage.deadLetters(producer.bad());
      long repeats = letters.values().stream().mapToLong(n -> n - 1).sum();
      Figures.add(
          scenario + ", back on its data after " + outageSeconds + " s",
          producer.produced(),
          expected.size(),
          rows.size(),
          Stage.missingOrStale(expected, rows),
          Stage.extra(expected, rows),
          producer.bad(),
          letters.size(),
          repeats,
          "first batch " + recovery + " ms after it answered; no job restart");

      assertThat(Stage.missingOrStale(expected, rows)).as("rows missing or stale").isZero();
      assertThat(Stage.extra(expected, rows)).as("rows that should not exist").isZero();
      assertThat(letters).as("distinct dead letters").hasSize((int) producer.bad());
      if (noRepeats) {
        assertThat(repeats).as("dead letters re-sent").isZero();
      }
    }
    stage.assertNoSecretInOutput();
  }
}
