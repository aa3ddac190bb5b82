package io.streampipe.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.testkit.ForkedServer;
import java.time.Duration;

/**
 * Scenarios 2 and 3: a server's process is killed under steady production and restarted on its data
 * after an outage; the job must ride it out without a restart and lose no row.
 */
final class ServerOutage {
  static final int OUTAGE_SECONDS = Integer.getInteger("reliability.outageSeconds", 20);

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
    try (SteadyProducer producer = SteadyProducer.onTopic(stage.topic)) {
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

      Verdict.settle(
          stage,
          producer,
          job,
          scenario + ", back on its data after " + outageSeconds + " s",
          "first batch " + recovery + " ms after it answered; no job restart",
          noRepeats);
    }
    stage.assertNoSecretInOutput();
  }
}
