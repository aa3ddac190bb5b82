package io.streampipe.cli.demo;

import io.streampipe.cli.produce.EventKind;
import io.streampipe.job.metrics.PipelineTotals;
import java.util.List;
import java.util.Map;

/**
 * Checks that every produced event ended where it should: a row, a collapsed repeat, or a dead
 * letter.
 */
public final class Accounting {
  private static final List<String> RULE_LABELS =
      List.of("pattern", "allowed_values", "min", "max");

  private Accounting() {}

  /**
   * @param produced events sent, by kind
   * @param totals what the job counted
   * @param rows rows now in the table
   * @param deadLetters dead-letter records read back, by rule
   */
  public static List<Check> checks(
      Map<EventKind, Long> produced,
      PipelineTotals totals,
      long rows,
      Map<String, Long> deadLetters) {
    long sent = produced.values().stream().mapToLong(Long::longValue).sum();
    long bad = sent - count(produced, EventKind.VALID) - count(produced, EventKind.DUPLICATE);
    return List.of(
        new Check("records read == events produced", sent, totals.read()),
        new Check(
            "valid + dead-lettered == read",
            totals.read(),
            totals.written() + totals.deduplicated() + totals.deadLettered()),
        new Check(
            "rows in Cassandra == distinct valid events", count(produced, EventKind.VALID), rows),
        new Check(
            "dead letters == bad events", bad, sum(deadLetters, List.copyOf(deadLetters.keySet()))),
        new Check(
            "malformed JSON dead-lettered",
            count(produced, EventKind.MALFORMED_JSON),
            count(deadLetters, "malformed_json")),
        new Check(
            "missing required dead-lettered",
            count(produced, EventKind.MISSING_REQUIRED),
            count(deadLetters, "required")),
        new Check(
            "wrong type dead-lettered",
            count(produced, EventKind.WRONG_TYPE),
            count(deadLetters, "type")),
        new Check(
            "rule violations dead-lettered",
            count(produced, EventKind.RULE_VIOLATION),
            sum(deadLetters, RULE_LABELS)));
  }

  private static <K> long count(Map<K, Long> counts, K key) {
    return counts.getOrDefault(key, 0L);
  }

  private static long sum(Map<String, Long> counts, List<String> keys) {
    return keys.stream().mapToLong(k -> count(counts, k)).sum();
  }
}
