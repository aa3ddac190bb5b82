package io.streampipe.cli.demo;

import io.streampipe.cli.produce.EventKind;
import io.streampipe.ingest.IngestMetrics;
import io.streampipe.job.metrics.PipelineTotals;
import java.util.List;
import java.util.Map;

/**
 * The demo's accounting when events start at an API: served == received by the ingester == sent to
 * the topic + dead-lettered at the edge, and from the topic on the same checks as {@link
 * Accounting}.
 */
public final class ApiAccounting {
  private static final List<String> RULE_LABELS =
      List.of("pattern", "allowed_values", "min", "max");

  private ApiAccounting() {}

  public static List<Check> checks(
      Map<EventKind, Long> served,
      IngestMetrics.Totals ingested,
      PipelineTotals job,
      long rows,
      Map<String, Long> deadLetters) {
    long total = served.values().stream().mapToLong(Long::longValue).sum();
    long bad = total - count(served, EventKind.VALID) - count(served, EventKind.DUPLICATE);
    return List.of(
        new Check("records received by the ingester == records served", total, ingested.received()),
        new Check(
            "received == sent to the topic + dead-lettered at the edge",
            ingested.received(),
            ingested.sent() + ingested.deadLettered()),
        new Check("records read by the job == sent by the ingester", ingested.sent(), job.read()),
        new Check(
            "valid + dead-lettered == read",
            job.read(),
            job.written() + job.deduplicated() + job.deadLettered()),
        new Check(
            "rows in Cassandra == distinct valid events", count(served, EventKind.VALID), rows),
        new Check(
            "dead letters == bad events",
            bad,
            deadLetters.values().stream().mapToLong(Long::longValue).sum()),
        new Check(
            "non-JSON bodies dead-lettered at the edge",
            count(served, EventKind.MALFORMED_JSON),
            count(deadLetters, "ingest_not_json")),
        // A missing keyField is refused at the edge, before the job could call it missing.
        new Check(
            "missing required dead-lettered (at the edge when it is the key)",
            count(served, EventKind.MISSING_REQUIRED),
            count(deadLetters, "required") + count(deadLetters, "ingest_missing_key")),
        new Check(
            "wrong type dead-lettered",
            count(served, EventKind.WRONG_TYPE),
            count(deadLetters, "type")),
        new Check(
            "rule violations dead-lettered",
            count(served, EventKind.RULE_VIOLATION),
            RULE_LABELS.stream().mapToLong(k -> count(deadLetters, k)).sum()));
  }

  private static <K> long count(Map<K, Long> counts, K key) {
    return counts.getOrDefault(key, 0L);
  }
}
