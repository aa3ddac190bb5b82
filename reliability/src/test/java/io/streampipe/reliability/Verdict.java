package io.streampipe.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * A scenario's end, shared by the scenarios under steady production: production stops, the table
 * must reach every id at its latest value, the job stops, the dead letters are counted; the figures
 * get their row and the guarantees are asserted.
 */
final class Verdict {
  private Verdict() {}

  /**
   * @param noRepeats whether no dead letter may be sent twice (no task or job was retried)
   */
  static void settle(
      Stage stage,
      SteadyProducer producer,
      Process job,
      String scenario,
      String recovery,
      boolean noRepeats)
      throws Exception {
    producer.close();
    Map<UUID, String> expected = producer.latest();
    Map<UUID, String> rows = stage.awaitRows(expected, Duration.ofMinutes(2));
    Stage.stop(job);
    Map<String, Integer> letters = stage.deadLetters(producer.bad());
    long repeats = letters.values().stream().mapToLong(n -> n - 1).sum();
    Figures.add(
        scenario,
        producer.produced(),
        expected.size(),
        rows.size(),
        Stage.missingOrStale(expected, rows),
        Stage.extra(expected, rows),
        producer.bad(),
        letters.size(),
        repeats,
        recovery);

    assertThat(Stage.missingOrStale(expected, rows)).as("rows missing or stale").isZero();
    assertThat(Stage.extra(expected, rows)).as("rows that should not exist").isZero();
    assertThat(letters).as("distinct dead letters").hasSize((int) producer.bad());
    if (noRepeats) {
      assertThat(repeats).as("dead letters re-sent").isZero();
    }
  }
}
