package io.streampipe.cli.demo;

import io.streampipe.cli.produce.EventKind;
import io.streampipe.ingest.IngestMetrics;
import io.streampipe.job.metrics.PipelineTotals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks that every produced event ended where it should: a row, a collapsed repeat, or a dead
 * letter. When events start at an API, the ingester's edge counts come in between: served ==
 * received == sent to the topic + dead-lettered at the edge, and the edge's refusals count as dead
 * letters.
 */
public final class Accounting {
  private static final List<String> RULE_LABELS =
      List.of("pattern", "allowed_values", "min", "max");

  private static final List<EventKind> AVRO_FRAMES =
      List.of(EventKind.NOT_WIRE_FORMAT, EventKind.UNKNOWN_SCHEMA_ID, EventKind.CORRUPT_AVRO);
  private static final Map<EventKind, String> AVRO_LABELS =
      Map.of(
          EventKind.NOT_WIRE_FORMAT, "records not in the wire format dead-lettered",
          EventKind.UNKNOWN_SCHEMA_ID, "unknown schema ids dead-lettered",
          EventKind.CORRUPT_AVRO, "corrupt Avro bytes dead-lettered");

  private Accounting() {}

  /**
   * @param produced events sent to the topic, by kind
   * @param totals what the job counted
   * @param rows rows now in the table
   * @param deadLetters dead-letter records read back, by rule
   */
  public static List<Check> checks(
      Map<EventKind, Long> produced,
      PipelineTotals totals,
      long rows,
      Map<String, Long> deadLetters) {
    return checks(produced, Optional.empty(), totals, rows, deadLetters);
  }

  /**
   * @param served events the API served, by kind
   * @param ingested what the ingester counted
   */
  public static List<Check> checks(
      Map<EventKind, Long> served,
      IngestMetrics.Totals ingested,
      PipelineTotals totals,
      long rows,
      Map<String, Long> deadLetters) {
    return checks(served, Optional.of(ingested), totals, rows, deadLetters);
  }

  private static List<Check> checks(
      Map<EventKind, Long> produced,
      Optional<IngestMetrics.Totals> edge,
      PipelineTotals totals,
      long rows,
      Map<String, Long> deadLetters) {
    long sent = produced.values().stream().mapToLong(Long::longValue).sum();
    long bad = sent - count(produced, EventKind.VALID) - count(produced, EventKind.DUPLICATE);
    List<Check> checks = new ArrayList<>();
    if (edge.isPresent()) {
      IngestMetrics.Totals ingested = edge.get();
      checks.add(
          new Check(
              "records received by the ingester == records served", sent, ingested.received()));
      checks.add(
          new Check(
              "received == sent to the topic + dead-lettered at the edge",
              ingested.received(),
              ingested.sent() + ingested.deadLettered()));
      checks.add(
          new Check(
              "records read by the job == sent by the ingester", ingested.sent(), totals.read()));
    } else {
      checks.add(new Check("records read == events produced", sent, totals.read()));
    }
    checks.add(
        new Check(
            "valid + dead-lettered == read",
            totals.read(),
            totals.written() + totals.deduplicated() + totals.deadLettered()));
    checks.add(
        new Check(
            "rows in Cassandra == distinct valid events", count(produced, EventKind.VALID), rows));
    checks.add(
        new Check(
            "dead letters == bad events",
            bad,
            sum(deadLetters, List.copyOf(deadLetters.keySet()))));
    checks.add(
        edge.isPresent()
            ? new Check(
                "non-JSON bodies dead-lettered at the edge",
                count(produced, EventKind.MALFORMED_JSON),
                count(deadLetters, "ingest_not_json"))
            : new Check(
                "malformed JSON dead-lettered",
                count(produced, EventKind.MALFORMED_JSON),
                count(deadLetters, "malformed_json")));
    // A missing keyField is refused at the edge, before the job could call it missing.
    checks.add(
        new Check(
            edge.isPresent()
                ? "missing required dead-lettered (at the edge when it is the key)"
                : "missing required dead-lettered",
            count(produced, EventKind.MISSING_REQUIRED),
            count(deadLetters, "required") + count(deadLetters, "ingest_missing_key")));
    checks.add(
        new Check(
            "wrong type dead-lettered",
            count(produced, EventKind.WRONG_TYPE),
            count(deadLetters, "type")));
    for (EventKind kind : AVRO_FRAMES) {
      // Only where Avro frames were sent or met: a JSON run has no line for them.
      long sentOfKind = count(produced, kind);
      long filed = count(deadLetters, kind.deadLetterRule());
      if (sentOfKind > 0 || filed > 0) {
        checks.add(new Check(AVRO_LABELS.get(kind), sentOfKind, filed));
      }
    }
    checks.add(
        new Check(
            "rule violations dead-lettered",
            count(produced, EventKind.RULE_VIOLATION),
            sum(deadLetters, RULE_LABELS)));
    return checks;
  }

  private static <K> long count(Map<K, Long> counts, K key) {
    return counts.getOrDefault(key, 0L);
  }

  private static long sum(Map<String, Long> counts, List<String> keys) {
    return keys.stream().mapToLong(k -> count(counts, k)).sum();
  }
}
