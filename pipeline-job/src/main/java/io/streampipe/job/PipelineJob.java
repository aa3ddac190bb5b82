package io.streampipe.job;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.job.metrics.BatchTracker;
import io.streampipe.job.metrics.JobMetrics;
import io.streampipe.job.metrics.ProgressEndpoint;
import io.streampipe.job.metrics.ProgressListener;
import io.streampipe.job.metrics.ProgressReport;
import io.streampipe.job.plan.JobPlan;
import io.streampipe.job.plan.JobSettings;
import io.streampipe.job.resources.JobResources;
import io.streampipe.job.source.KafkaWatch;
import io.streampipe.job.source.StartingPosition;
import io.streampipe.job.write.CassandraTableCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;

/**
 * Starts a pipeline on a Spark session: the programmatic entry point of the job, used by {@link
 * PipelineJobMain}, the CLI (same JVM, local mode) and the tests.
 */
public final class PipelineJob {
  private PipelineJob() {}

  /**
   * Checks the table, then starts the streaming query and, when enabled, the metrics endpoint.
   *
   * @throws IllegalStateException when the Cassandra table is missing or incomplete
   */
  public static RunningPipeline start(
      SparkSession spark, ValidPipeline pipeline, JobSettings settings) {
    JobPlan plan = JobPlan.of(pipeline);
    JobResources.shared().retain();
    HTTPServer metricsServer = null;
    try {
      CassandraTableCheck.require(settings, plan);
      JobMetrics metrics = new JobMetrics(plan.pipeline());
      ProgressReport report = new ProgressReport(ProgressReport.generation(System.getenv()));
      metricsServer =
          settings.metricsEnabled() ? serve(metrics, report, settings.metricsPort()) : null;
      BatchTracker tracker = new BatchTracker(plan.pipeline(), metrics);
      tracker.addListener(report);
      StreamingQuery query = startQuery(spark, plan, settings, tracker);
      ProgressListener listener = new ProgressListener(query.id(), metrics, tracker, report);
      spark.streams().addListener(listener);
      return new RunningPipeline(
          spark,
          query,
          listener,
          tracker,
          metricsServer,
          KafkaWatch.start(settings.bootstrapServers()));
    } catch (RuntimeException e) {
      if (metricsServer != null) {
        metricsServer.close();
      }
      JobResources.shared().release();
      throw e;
    }
  }

  /**
   * Spark's Kafka reader seeks and polls each time its buffer runs dry; at the consumer's default
   * of 500 records a poll, the broker spent three times the CPU per record serving those requests.
   * A fetch of up to 4 MiB a partition holds such a poll of ~400-byte events.
   */
  static final int MAX_POLL_RECORDS = 5_000;

  static final int MAX_PARTITION_FETCH_BYTES = 4 << 20;

  private static StreamingQuery startQuery(
      SparkSession spark, JobPlan plan, JobSettings settings, BatchTracker tracker) {
    // One write task per core: more only adds scheduling, fewer leaves a core idle.
    int cores = Math.max(1, spark.sparkContext().defaultParallelism());
    spark.conf().set("spark.sql.shuffle.partitions", cores);
    Dataset<Row> kafka =
        spark
            .readStream()
            .format("kafka")
            .option("kafka.bootstrap.servers", settings.bootstrapServers())
            .option("subscribe", plan.topic())
            .options(StartingPosition.options(plan.startingOffsets()))
            .option("maxOffsetsPerTrigger", plan.maxOffsetsPerTrigger())
            .option("kafka.max.poll.records", MAX_POLL_RECORDS)
            .option("kafka.max.partition.fetch.bytes", MAX_PARTITION_FETCH_BYTES)
            .load();
    try {
      return kafka
          .writeStream()
          .queryName(plan.pipeline())
          .option("checkpointLocation", settings.checkpointLocation())
          .trigger(Trigger.ProcessingTime(plan.trigger().toMillis()))
          .foreachBatch(new MicroBatch(plan, settings, cores, tracker))
          .start();
    } catch (TimeoutException e) {
      throw new IllegalStateException("the streaming query did not start", e);
    }
  }

  private static HTTPServer serve(JobMetrics metrics, ProgressReport report, int port) {
    try {
      return HTTPServer.builder()
          .port(port)
          .registry(metrics.registry())
          .defaultHandler(new ProgressEndpoint(report))
          .buildAndStart();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve metrics on port " + port, e);
    }
  }
}
