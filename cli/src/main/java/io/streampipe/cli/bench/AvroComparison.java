package io.streampipe.cli.bench;

import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.job.plan.JobSettings;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.SparkSession;

/**
 * `bench --format avro`: the job over Avro beside the job over JSON in the same runs, on the same
 * valid rows (one seed, so the two workloads differ only in their bad records), and their ratio.
 */
final class AvroComparison {
  /** One run's figures, rows/s. */
  record Run(double avro, double json, double raw, double load, String note) {}

  private final ValidPipeline avro;
  private final JobDrain job;
  private final Workload workload;
  private final List<Run> runs = new ArrayList<>();
  private BenchPasses.JobRun last;

  /**
   * @param avro the reference pipeline with an avro source on a running registry
   * @param events measured per run, generated from {@code avro} with the JSON workload's seed
   */
  AvroComparison(
      ValidPipeline avro,
      SparkSession spark,
      UnaryOperator<JobSettings> tuning,
      CpuMeter cpu,
      int events,
      double invalid,
      double duplicate) {
    this.avro = avro;
    this.job = new JobDrain(spark, new BenchPipelines(avro, tuning, "avro_"), cpu);
    this.workload = Workload.generate(avro, 2, events, invalid, duplicate);
  }

  /** Warms the Avro path as the JSON job is warmed, so neither meets a cold JIT. */
  void warmUp(int events, double invalid, double duplicate, PrintWriter out)
      throws InterruptedException {
    Workload warm = Workload.generate(avro, 1, events, invalid, duplicate);
    BenchPasses.log(
        out, "warm-up avro job: %,.0f rows/s", job.drain(warm, "warmup").validPerSecond());
  }

  void pass(BenchPasses passes, int run) throws InterruptedException {
    last = passes.job(job, workload, run, "avro job");
  }

  /** Pairs the last Avro pass with the same run's JSON job and raw figures. */
  void record(double json, double raw, double load) {
    runs.add(new Run(last.drained().validPerSecond(), json, raw, load, last.note()));
  }

  void print(PrintWriter out) {
    out.println("  -- avro source: the job over Avro beside the job over JSON, same valid rows --");
    out.printf(
        "  %-6s %11s %11s %9s %9s %6s  %s%n",
        "run", "avro job", "json job", "avro÷json", "avro÷raw", "load", "avro job");
    for (int i = 0; i < runs.size(); i++) {
      Run r = runs.get(i);
      out.printf(
          "  %-6d %,11.0f %,11.0f %9.2f %9.2f %6.2f  %s%n",
          i + 1,
          r.avro(),
          r.json(),
          Stats.ratio(r.avro(), r.json()),
          Stats.ratio(r.avro(), r.raw()),
          r.load(),
          r.note());
    }
    double avro = Stats.median(runs.stream().map(Run::avro).toList());
    double json = Stats.median(runs.stream().map(Run::json).toList());
    double raw = Stats.median(runs.stream().map(Run::raw).toList());
    double ratio = Stats.ratio(avro, json);
    out.printf(
        "  %-6s %,11.0f %,11.0f %9.2f %9.2f         target avro/json >= 1.00: %s%n",
        "median", avro, json, ratio, Stats.ratio(avro, raw), ratio >= 1.0 ? "met" : "NOT met");
  }
}
