package io.streampipe.cli.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The figures of one benchmark run, printed as one final table. */
final class BenchReport {
  /** One raw run and the job run after it. */
  record Pair(double rawPerSecond, double jobPerSecond, double load, String jobNote, String cpu) {
    double ratio() {
      return Stats.ratio(jobPerSecond, rawPerSecond);
    }
  }

  private final List<Pair> pairs = new ArrayList<>();
  private final List<String> setup = new ArrayList<>();
  private LatencyRun.Result latency;
  private double latencyLoad;

  void setup(String line) {
    setup.add(line);
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
        "  %-5s %14s %14s %7s %6s  %s%n",
        "run", "raw rows/s", "job rows/s", "ratio", "load", "job");
    for (int i = 0; i < pairs.size(); i++) {
      Pair p = pairs.get(i);
      out.printf(
          "  %-5d %,14.0f %,14.0f %7.2f %6.2f  %s%n",
          i + 1, p.rawPerSecond(), p.jobPerSecond(), p.ratio(), p.load(), p.jobNote());
      out.printf("        CPU: %s%n", p.cpu());
    }
    double raw = Stats.median(pairs.stream().map(Pair::rawPerSecond).toList());
    double job = medianJob();
    out.printf(
        "  %-5s %,14.0f %,14.0f %7.2f          target >= 0.80: %s%n",
        "median",
        raw,
        job,
        Stats.ratio(job, raw),
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
      out.println("    no samples seen");
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
