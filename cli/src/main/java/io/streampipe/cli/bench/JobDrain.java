package io.streampipe.cli.bench;

import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.cli.produce.EventEncoding;
import io.streampipe.cli.produce.EventProducer;
import io.streampipe.cli.produce.GeneratedEvent;
import io.streampipe.job.PipelineJob;
import io.streampipe.job.RunningPipeline;
import io.streampipe.job.metrics.BatchStats;
import io.streampipe.job.metrics.PipelineTotals;
import io.streampipe.job.plan.JobSettings;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.SparkSession;

/**
 * The job end to end on a backlog: the events are in the topic before the job starts, and the clock
 * runs from the start of the first micro-batch to the end of the one that read the last event.
 */
final class JobDrain {
  /** What one drain measured. */
  record Result(
      double validPerSecond,
      PipelineTotals totals,
      double seconds,
      int batches,
      CpuMeter.Usage cpu) {}

  private final SparkSession spark;
  private final BenchPipelines pipelines;
  private final CpuMeter meter;

  JobDrain(SparkSession spark, BenchPipelines pipelines, CpuMeter meter) {
    this.spark = spark;
    this.pipelines = pipelines;
    this.meter = meter;
  }

  Result drain(Workload workload, String purpose) throws InterruptedException {
    long count = workload.events().size();
    // One batch bound above the backlog: the trigger never leaves the job idle between batches.
    ValidPipeline pipeline = pipelines.fresh(purpose, "10s", count);
    JobSettings settings = pipelines.settings(pipeline);
    preload(settings.bootstrapServers(), pipeline, workload);
    AtomicLong firstStartMillis = new AtomicLong();
    AtomicLong lastEndMillis = new AtomicLong();
    AtomicLong batches = new AtomicLong();
    // From the job's start, after the pre-load: producing the backlog is not the job's work.
    CpuMeter.Usage before = meter.now();
    try (RunningPipeline job = PipelineJob.start(spark, pipeline, settings)) {
      job.addBatchListener(batch -> onBatch(batch, firstStartMillis, lastEndMillis, batches));
      await(job, count);
      PipelineTotals totals = job.totals();
      long millis = lastEndMillis.get() - firstStartMillis.get();
      double valid = totals.written() + totals.deduplicated();
      CpuMeter.Usage cpu = meter.now().minus(before);
      return new Result(valid * 1000 / millis, totals, millis / 1000.0, (int) batches.get(), cpu);
    }
  }

  private static void onBatch(
      BatchStats batch, AtomicLong firstStart, AtomicLong lastEnd, AtomicLong batches) {
    if (batch.read() == 0) {
      return;
    }
    long now = System.currentTimeMillis();
    firstStart.compareAndSet(0, now - batch.durationMillis());
    lastEnd.set(now);
    batches.incrementAndGet();
  }

  private static void preload(String bootstrap, ValidPipeline pipeline, Workload workload) {
    Iterator<GeneratedEvent> events = workload.events().iterator();
    try (EventProducer producer =
        new EventProducer(
            bootstrap,
            pipeline.spec().getSource().getTopic().getName(),
            EventEncoding.of(pipeline.spec()))) {
      producer.send(events::next, workload.events().size(), 0, e -> {});
    }
  }

  private static void await(RunningPipeline job, long count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (job.totals().read() < count) {
      if (!job.isActive() || System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the job stopped or stalled after reading " + job.totals().read() + " of " + count);
      }
      Thread.sleep(20);
    }
  }
}
