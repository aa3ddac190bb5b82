package io.streampipe.cli.demo;

import com.datastax.oss.driver.api.core.CqlSession;
import io.streampipe.api.cql.TableDefinition;
import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.cli.produce.EventKind;
import io.streampipe.job.metrics.PipelineTotals;
import io.streampipe.job.plan.JobSettings;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Reads back what a demo run left in Cassandra and in the dead-letter topic, prints it, and checks
 * that every produced event is accounted for.
 *
 * @param produced events sent, by kind
 * @param totals what the job counted
 * @param elapsedSeconds from the first event produced to the last one read
 * @param busySeconds time the job spent inside micro-batches
 */
public record DemoSummary(
    ValidPipeline pipeline,
    Map<EventKind, Long> produced,
    PipelineTotals totals,
    double elapsedSeconds,
    double busySeconds) {

  /** Prints the summary; true when every check passed. */
  public boolean print(CqlSession session, JobSettings settings, PrintWriter out) {
    return print(
        session,
        settings,
        out,
        (rows, deadLetters) -> Accounting.checks(produced, totals, rows, deadLetters));
  }

  /** Prints the summary with the given accounting (rows, dead letters by rule → checks). */
  public boolean print(
      CqlSession session,
      JobSettings settings,
      PrintWriter out,
      BiFunction<Long, Map<String, Long>, List<Check>> accounting) {
    TableDefinition table = TableDefinition.desired(pipeline.spec());
    TableReport report = TableReport.read(session, table, 3);
    String deadLetterTopic = pipeline.spec().getQuality().getDeadLetter().getTopic().getName();
    Map<String, Long> deadLetters =
        DeadLetters.countByRule(settings.bootstrapServers(), deadLetterTopic);
    out.println();
    out.printf("summary of %s%n", pipeline.name());
    out.printf("  produced        %s%n", produced);
    out.printf("  rows in %s.%s: %,d%n", table.keyspace(), table.table(), report.rows());
    out.printf("  dead letters in %s by rule: %s%n", deadLetterTopic, deadLetters);
    report.samples().forEach(s -> out.println("  sample row: " + s));
    out.printf(
        "  TTL: table default %d s; a sample row has %s s left%n",
        report.defaultTtlSeconds(),
        report.sampleTtlSeconds().isPresent()
            ? String.valueOf(report.sampleTtlSeconds().getAsLong())
            : "no");
    out.printf(
        "  throughput: %,d events in %.1f s end to end (paced by --rate); the job wrote %,.0f rows/s"
            + " while processing batches%n",
        totals.read(), elapsedSeconds, totals.written() / Math.max(busySeconds, 0.001));
    List<Check> checks = accounting.apply(report.rows(), deadLetters);
    out.println("accounting:");
    checks.forEach(out::println);
    boolean ok = checks.stream().allMatch(Check::ok);
    out.println(ok ? "every event is accounted for" : "some events are NOT accounted for");
    return ok;
  }
}
