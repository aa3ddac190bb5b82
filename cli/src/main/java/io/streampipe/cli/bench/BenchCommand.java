package io.streampipe.cli.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import io.streampipe.api.PipelineDocument;
import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.cli.EmbeddedStack;
import io.streampipe.cli.LocalSpark;
import io.streampipe.cli.Pipelines;
import io.streampipe.cli.Provisioning;
import io.streampipe.job.plan.JobSettings;
import io.streampipe.job.write.BatchLimits;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The throughput and latency benchmark: the job against the raw driver, on one machine, in one run.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    subcommands = IngestBench.class,
    description = {
      "Start a local Kafka and Cassandra, warm Cassandra, then measure in each run the raw write"
          + " ceiling (async prepared INSERTs of the same rows, one per request), the same client"
          + " batching as the job does, and the job draining a pre-loaded backlog, the job first"
          + " in every other run; then the latency produce -> row readable at half the job's rate"
          + " with the declared trigger. Prints every figure in one table. See cli/BENCHMARK.md."
    })
public final class BenchCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec command;

  @Option(
      names = {"-f", "--file"},
      defaultValue = "examples/users-pipeline.yaml",
      description = "Pipeline (default ${DEFAULT-VALUE}).")
  Path file;

  @Option(
      names = "--events",
      defaultValue = "500000",
      description = "Events per run (default ${DEFAULT-VALUE}).")
  int events;

  @Option(
      names = "--invalid-ratio",
      defaultValue = "0.02",
      description = "Share of bad events (default ${DEFAULT-VALUE}).")
  double invalidRatio;

  @Option(
      names = "--duplicate-ratio",
      defaultValue = "0",
      description = "Share of repeated events (default ${DEFAULT-VALUE}).")
  double duplicateRatio;

  @Option(
      names = "--runs",
      defaultValue = "2",
      description =
          "Runs, each a raw, a raw batched and a job pass, the job first in every other run"
              + " (default ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--warm-up",
      defaultValue = "500000",
      description = "Warm-up writes, raw then job (default ${DEFAULT-VALUE} each).")
  int warmUp;

  @Option(
      names = "--in-flight",
      defaultValue = "256",
      description = "Raw rows in flight (default ${DEFAULT-VALUE}, as the job).")
  int inFlight;

  @Option(
      names = "--latency-seconds",
      defaultValue = "60",
      description = "Measured latency window; 0 skips it (default ${DEFAULT-VALUE}).")
  int latencySeconds;

  @Option(
      names = "--job-in-flight",
      description = "Cassandra rows in flight per job task (default: the job's own).")
  Integer jobInFlight;

  @Option(
      names = "--write-batch-rows",
      description =
          "Rows per Cassandra request in the job and the batched raw client; 1 writes each row"
              + " alone (default: the pipeline's sink.cassandra.writeBatch).")
  Integer writeBatchRows;

  @Option(
      names = "--dedup-keys",
      split = ",",
      description =
          "Override quality.dedupKeys, e.g. id,email to measure the shuffle path (default: the file's).")
  List<String> dedupKeys;

  @Option(
      names = "--format",
      defaultValue = "json",
      description =
          "avro also drains the same rows over Avro (a local schema registry) in every run and"
              + " prints the Avro job beside the JSON job (default ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = command.commandLine().getOut();
    if (runs < 1) {
      throw new ParameterException(command.commandLine(), "--runs must be at least 1");
    }
    if (dedupKeys != null && latencySeconds > 0) {
      // The latency probe samples events by their id and reads rows back by id.
      throw new ParameterException(
          command.commandLine(), "--dedup-keys needs --latency-seconds 0: latency samples ids");
    }
    PipelineDocument document = BenchDocuments.json(file, dedupKeys);
    PipelineDocument avroDocument = BenchDocuments.copyIn(document, format);
    double loadBefore = Load.now();
    out.println(
        "starting Kafka and Cassandra" + (avroDocument == null ? "..." : ", a registry..."));
    out.flush();
    try (EmbeddedStack stack =
        EmbeddedStack.start(avroDocument == null ? document : avroDocument)) {
      ValidPipeline pipeline = Pipelines.validated(document, stack.connections());
      Provisioning.provision(pipeline, out);
      SparkSession spark = LocalSpark.start(pipeline);
      try (CqlSession session = BenchTable.session(pipeline)) {
        CpuMeter cpu =
            new CpuMeter(stack.servers().cassandra().pid(), stack.servers().kafka().pid());
        AvroComparison avro =
            avroDocument == null
                ? null
                : new AvroComparison(
                    Pipelines.validated(avroDocument, stack.connections()),
                    spark,
                    this::tune,
                    cpu,
                    events,
                    invalidRatio,
                    duplicateRatio);
        BenchReport report = measure(pipeline, spark, session, cpu, avro, out);
        report.setup(
            String.format(
                "load average before start %.2f, at the end %.2f", loadBefore, Load.now()));
        report.print(out);
        if (avro != null) {
          avro.print(out);
        }
      } finally {
        spark.stop();
      }
    }
    return 0;
  }

  private BenchReport measure(
      ValidPipeline pipeline,
      SparkSession spark,
      CqlSession session,
      CpuMeter cpu,
      AvroComparison avro,
      PrintWriter out)
      throws InterruptedException {
    BenchReport report = new BenchReport();
    BenchTable table = new BenchTable(session, pipeline);
    BenchPipelines pipelines = new BenchPipelines(pipeline, this::tune);
    RawWrites raw = new RawWrites(session, table.keyspace(), table.upsertCql(), inFlight);
    JobSettings jobSettings = tune(JobSettings.fromEnvironment(pipeline));
    BatchLimits jobBatches = jobSettings.writeBatch();
    JobDrain job = new JobDrain(spark, pipelines, cpu);
    ConnectorWrites connector = ConnectorWrites.of(spark, pipeline, jobSettings);
    Workload measured = Workload.generate(pipeline, 2, events, invalidRatio, duplicateRatio);
    report.describe(pipeline, measured, jobSettings, inFlight);
    BenchPasses passes = new BenchPasses(cpu, table, out);
    warmUp(pipeline, raw, job, table, out);
    if (avro != null) {
      avro.warmUp(warmUp, invalidRatio, duplicateRatio, out);
    }
    passes.connector(connector, Workload.generate(pipeline, 1, warmUp, 0, 0), 0);
    for (int run = 1; run <= runs; run++) {
      double load = Load.now();
      // Runs alternate which side goes first, so neither always meets the warmer Cassandra.
      boolean jobFirst = run % 2 == 0;
      BenchPasses.JobRun jobRun = jobFirst ? passes.job(job, measured, run) : null;
      // The Avro pass sits next to the JSON one, after it in even runs and before it in odd ones.
      if (avro != null && jobFirst) {
        avro.pass(passes, run);
      }
      BenchPasses.RawRun single = passes.raw(raw, measured, BatchLimits.NONE, run, "raw");
      // When the job writes one row per request, the batched pass would only repeat the raw one.
      BenchPasses.RawRun batched =
          jobBatches.batches()
              ? passes.raw(raw, measured, jobBatches, run, "raw batched as the job")
              : single;
      BenchPasses.RawRun viaConnector = passes.connector(connector, measured, run);
      if (!jobFirst) {
        if (avro != null) {
          avro.pass(passes, run);
        }
        jobRun = passes.job(job, measured, run);
      }
      JobDrain.Result drained = jobRun.drained();
      if (avro != null) {
        avro.record(drained.validPerSecond(), single.rate(), load);
      }
      long rows = measured.rows().size();
      report.add(
          new BenchReport.Pair(
              single.rate(),
              batched.rate(),
              viaConnector.rate(),
              drained.validPerSecond(),
              load,
              (jobFirst ? "job first; " : "") + jobRun.note(),
              List.of(
                  "raw " + single.cpu().perRow(rows),
                  "raw batched " + batched.cpu().perRow(rows),
                  "connector " + viaConnector.cpu().perRow(rows),
                  "job " + drained.cpu().perRow(rows))));
    }
    if (latencySeconds > 0) {
      table.truncate();
      double rate = report.medianJob() / 2;
      BenchPasses.log(out, "latency at %,.0f events/s for %d s...", rate, latencySeconds);
      double load = Load.now();
      LatencyRun.Result latency =
          new LatencyRun(spark, pipelines, session)
              .run(pipeline, rate, Duration.ofSeconds(15), Duration.ofSeconds(latencySeconds));
      report.latency(latency, (load + Load.now()) / 2);
    }
    return report;
  }

  private JobSettings tune(JobSettings settings) {
    JobSettings tuned = jobInFlight == null ? settings : settings.withMaxInFlight(jobInFlight);
    return writeBatchRows == null
        ? tuned
        : tuned.withWriteBatch(new BatchLimits(writeBatchRows, tuned.writeBatch().maxBytes()));
  }

  private void warmUp(
      ValidPipeline pipeline, RawWrites raw, JobDrain job, BenchTable table, PrintWriter out)
      throws InterruptedException {
    Workload warm = Workload.generate(pipeline, 1, warmUp, invalidRatio, duplicateRatio);
    BenchPasses.log(out, "warm-up raw: %,.0f rows/s", raw.write(warm.rows(), BatchLimits.NONE));
    table.truncate();
    BenchPasses.log(out, "warm-up job: %,.0f rows/s", job.drain(warm, "warmup").validPerSecond());
  }
}
