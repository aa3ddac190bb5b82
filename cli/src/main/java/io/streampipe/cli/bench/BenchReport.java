package io.streampipe.cli.bench;

import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.job.plan.JobSettings;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The figures of one benchmark run, printed as one final table. */
final class BenchReport {
  /**
   * One run: the raw client one row per request, the raw client batched as the job, the connector's
   * writer, the job.
   */
  record Pair(
      double rawPerSecond,
      double rawBatchedPerSecond,
      double connectorPerSecond,
      double jobPerSecond,
      double load,
      String jobNote,
      List<String> cpu) {
    double ratio() {
      return Stats.ratio(jobPerSecond, rawPerSecond);
    }

    double batchedRatio() {
      return Stats.ratio(jobPerSecond, rawBatchedPerSecond);
    }

    double connectorRatio() {
      return Stats.ratio(connectorPerSecond, jobPerSecond);
    }

    /** Writer against writer: both write the same typed rows from memory, batched alike. */
    double connectorWriterRatio() {
      return Stats.ratio(connectorPerSecond, rawBatchedPerSecond);
    }
  }

  private final List<Pair> pairs = new ArrayList<>();
  private final List<String> setup = new ArrayList<>();
  private LatencyRun.Result latency;
  private double latencyLoad;

  void setup(String line) {
    setup.add(line);
  }

  /** The setup lines: what was measured, on what, with which limits. */
  void describe(ValidPipeline pipeline, Workload workload, JobSettings job, int inFlight) {
    setup(
        String.format(
            "%s, %d cores, %s (dedup keys %s); %,d events per run (%,d invalid, %,d distinct keys), %d partitions,"
                + " %d raw writes in flight",
            java.time.LocalDate.now(),
            Runtime.getRuntime().availableProcessors(),
            pipeline.name(),
            pipeline.spec().getQuality().getDedupKeys(),
            workload.events().size(),
            workload.invalid(),
            workload.distinctKeys(),
            pipeline.spec().getSource().getTopic().getPartitions(),
            inFlight));
    setup(
        String.format(
            "raw: one row per request; raw batched and job: up to %d rows and %,d bytes per request;"
                + " job: %d rows in flight per task",
            job.writeBatch().maxRows(), job.writeBatch().maxBytes(), job.maxInFlight()));
    setup(
        "rows/s: valid events written per second (raw: first send to last answer;"
            + " job: start of its first batch to end of the batch reading the last event)");
  }

  void add(Pair pair) {
    pairs.add(pair);
  }

  void latency(LatencyRun.Result result, double load) {
    this.latency = result;
    this.latencyLoad = load;
  }

  double medianJob() {
    return Stats.median(pairs.stream().map(Pair::jobPerSecond).toList());
  }

  void print(PrintWriter out) {
    out.println();
    out.println("== streampipe benchmark ==");
    setup.forEach(line -> out.println("  " + line));
    out.printf(
        "  %-6s %11s %11s %11s %11s %7s %9s %9s %9s %6s  %s%n",
        "run",
        "raw rows/s",
        "batched",
        "connector",
        "job rows/s",
        "ratio",
        "÷batched",
        "conn÷job",
        "conn÷bat",
        "load",
        "job");
    for (int i = 0; i < pairs.size(); i++) {
      Pair p = pairs.get(i);
      out.printf(
          "  %-6d %,11.0f %,11.0f %,11.0f %,11.0f %7.2f %9.2f %9.2f %9.2f %6.2f  %s%n",
          i + 1,
          p.rawPerSecond(),
          p.rawBatchedPerSecond(),
          p.connectorPerSecond(),
          p.jobPerSecond(),
          p.ratio(),
          p.batchedRatio(),
          p.connectorRatio(),
          p.connectorWriterRatio(),
          p.load(),
          p.jobNote());
      p.cpu().forEach(line -> out.printf("         CPU %s%n", line));
    }
    double raw = Stats.median(pairs.stream().map(Pair::rawPerSecond).toList());
    double batched = Stats.median(pairs.stream().map(Pair::rawBatchedPerSecond).toList());
    double connector = Stats.median(pairs.stream().map(Pair::connectorPerSecond).toList());
    double job = medianJob();
    out.printf(
        "  %-6s %,11.0f %,11.0f %,11.0f %,11.0f %7.2f %9.2f %9.2f %9.2f         target job/raw"
            + " >= 0.80:"
            + " %s%n",
        "median",
        raw,
        batched,
        connector,
        job,
        Stats.ratio(job, raw),
        Stats.ratio(job, batched),
        Stats.ratio(connector, job),
        Stats.ratio(connector, batched),
        Stats.ratio(job, raw) >= 0.8 ? "met" : "NOT met");
    if (latency != null) {
      printLatency(out);
    }
  }

  private void printLatency(PrintWriter out) {
    long[] millis = latency.latenciesMillis().stream().mapToLong(Long::longValue).toArray();
    Duration target = latency.trigger().plusSeconds(1);
    out.printf(
        "  latency, produce -> row readable, at %,.0f events/s, trigger %ds, load %.2f: %d samples,"
            + " %d never seen%n",
        latency.rate(),
        latency.trigger().toSeconds(),
        latencyLoad,
        millis.length,
        latency.unseen());
    if (millis.length == 0) {
      out.println("    no samples seen: target p99 NOT met");
      return;
    }
    long p50 = Stats.percentile(millis, 50);
    long p99 = Stats.percentile(millis, 99);
    out.printf(
        "    p50 %,d ms   p99 %,d ms   max %,d ms   target p99 <= %,d ms: %s%n",
        p50,
        p99,
        Stats.percentile(millis, 100),
        target.toMillis(),
        p99 <= target.toMillis() && latency.unseen() == 0 ? "met" : "NOT met");
  }
}
