package io.streampipe.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.cli.produce.EventKind;
import io.streampipe.ingest.IngestMetrics;
import io.streampipe.job.metrics.PipelineTotals;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountingTest {
  private final Map<EventKind, Long> produced =
      Map.of(
          EventKind.VALID, 90L,
          EventKind.DUPLICATE, 4L,
          EventKind.MALFORMED_JSON, 2L,
          EventKind.MISSING_REQUIRED, 1L,
          EventKind.WRONG_TYPE, 2L,
          EventKind.RULE_VIOLATION, 1L);

  @Test
  void aRunWhereEverythingLandsPasses() {
    PipelineTotals totals = new PipelineTotals(5, 100, 92, 2, 6);
    Map<String, Long> deadLetters =
        Map.of("malformed_json", 2L, "required", 1L, "type", 2L, "allowed_values", 1L);

    List<Check> checks = Accounting.checks(produced, totals, 90, deadLetters);

    assertThat(checks).allMatch(Check::ok);
  }

  @Test
  void aLostRowFails() {
    PipelineTotals totals = new PipelineTotals(5, 100, 92, 2, 6);
    Map<String, Long> deadLetters =
        Map.of("malformed_json", 2L, "required", 1L, "type", 2L, "pattern", 1L);

    List<Check> failed =
        Accounting.checks(produced, totals, 89, deadLetters).stream().filter(c -> !c.ok()).toList();

    assertThat(failed)
        .extracting(Check::name)
        .containsExactly("rows in Cassandra == distinct valid events");
  }

  @Test
  void anAvroRunChecksEachBrokenFrameUnderItsOwnRuleAndAJsonRunHasNoSuchLines() {
    Map<EventKind, Long> avro =
        Map.of(
            EventKind.VALID, 90L,
            EventKind.NOT_WIRE_FORMAT, 2L,
            EventKind.UNKNOWN_SCHEMA_ID, 2L,
            EventKind.CORRUPT_AVRO, 2L,
            EventKind.RULE_VIOLATION, 1L);
    PipelineTotals totals = new PipelineTotals(5, 97, 90, 0, 7);
    // Two cut-short records filed as unknown ids: the totals agree, the rules do not.
    Map<String, Long> deadLetters =
        Map.of("avro_magic_byte", 2L, "unknown_schema_id", 4L, "allowed_values", 1L);

    List<Check> checks = Accounting.checks(avro, totals, 90, deadLetters);
    List<Check> json =
        Accounting.checks(
            produced,
            new PipelineTotals(5, 100, 92, 2, 6),
            90,
            Map.of("malformed_json", 2L, "required", 1L, "type", 2L, "allowed_values", 1L));

    assertThat(checks.stream().filter(c -> !c.ok()))
        .extracting(Check::name)
        .containsExactly("unknown schema ids dead-lettered", "corrupt Avro bytes dead-lettered");
    assertThat(checks)
        .extracting(Check::name)
        .contains("records not in the wire format dead-lettered");
    assertThat(json).extracting(Check::name).noneMatch(name -> name.contains("Avro"));
    assertThat(json).extracting(Check::name).noneMatch(name -> name.contains("schema id"));
  }

  @Test
  void aDeadLetterUnderTheWrongRuleFails() {
    PipelineTotals totals = new PipelineTotals(5, 100, 92, 2, 6);
    Map<String, Long> deadLetters =
        Map.of("malformed_json", 3L, "required", 1L, "type", 1L, "allowed_values", 1L);

    List<Check> failed =
        Accounting.checks(produced, totals, 90, deadLetters).stream().filter(c -> !c.ok()).toList();

    assertThat(failed)
        .extracting(Check::name)
        .containsExactly("malformed JSON dead-lettered", "wrong type dead-lettered");
  }

  @Test
  void unreadRecordsFail() {
    PipelineTotals totals = new PipelineTotals(5, 97, 89, 2, 6);

    List<Check> failed =
        Accounting.checks(
                produced,
                totals,
                90,
                Map.of("malformed_json", 2L, "required", 1L, "type", 2L, "min", 1L))
            .stream()
            .filter(c -> !c.ok())
            .toList();

    assertThat(failed).extracting(Check::name).containsExactly("records read == events produced");
  }

  @Test
  void fromAnApiTheEdgeCountsBalanceAndItsRefusalsAreDeadLetters() {
    // The 2 non-JSON bodies and the record without its key stop at the ingester.
    IngestMetrics.Totals ingested = new IngestMetrics.Totals(100, 97, 3, 0);
    PipelineTotals totals = new PipelineTotals(5, 97, 92, 2, 3);
    Map<String, Long> deadLetters =
        Map.of("ingest_not_json", 2L, "ingest_missing_key", 1L, "type", 2L, "max", 1L);

    List<Check> checks = Accounting.checks(produced, ingested, totals, 90, deadLetters);

    assertThat(checks).allMatch(Check::ok);
    assertThat(checks)
        .extracting(Check::name)
        .contains("records read by the job == sent by the ingester")
        .doesNotContain("records read == events produced");
  }

  @Test
  void recordsTheIngesterNeitherSentNorDeadLetteredFail() {
    // One record failed to reach the topic: counted neither as sent nor as a dead letter.
    IngestMetrics.Totals ingested = new IngestMetrics.Totals(100, 96, 3, 1);
    PipelineTotals totals = new PipelineTotals(5, 96, 91, 2, 3);
    Map<String, Long> deadLetters =
        Map.of("ingest_not_json", 2L, "ingest_missing_key", 1L, "type", 2L, "min", 1L);

    List<Check> failed =
        Accounting.checks(produced, ingested, totals, 90, deadLetters).stream()
            .filter(c -> !c.ok())
            .toList();

    assertThat(failed)
        .extracting(Check::name)
        .containsExactly("received == sent to the topic + dead-lettered at the edge");
  }
}
