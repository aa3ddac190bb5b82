package io.streampipe.job;

import io.streampipe.api.PipelineDocuments;
import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.job.plan.JobSettings;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job's composition root: reads the document and the environment, builds the Spark session
 * ({@code local[*]} only when no master is configured, as under spark-submit it is), starts the
 * pipeline and waits for it.
 */
public final class PipelineJobMain {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineJobMain.class);

  private PipelineJobMain() {}

  public static void main(String[] args) {
    try {
      run(JobArgs.parse(args));
    } catch (Exception e) {
      LOG.error("pipeline job failed: {}", e.getMessage(), e);
      System.exit(1);
    }
  }

  static void run(JobArgs args) throws Exception {
    // Validated and defaulted once; every step after this takes the result.
    ValidPipeline valid = ValidPipeline.of(PipelineDocuments.read(args.spec()));
    JobSettings settings = JobSettings.fromEnvironment(valid);
    LOG.info("starting pipeline {} with {}", valid.name(), settings);
    SparkSession spark = session(valid.name());
    RunningPipeline pipeline = PipelineJob.start(spark, valid, settings);
    GracefulShutdown.install(pipeline, args.stopWait());
    pipeline.awaitTermination();
    LOG.info("pipeline {} stopped", valid.name());
  }

  static SparkSession session(String pipeline) {
    SparkSession.Builder builder = SparkSession.builder().appName("streampipe-" + pipeline);
    if (!new SparkConf().contains("spark.master")) {
      builder.master("local[*]");
    }
    return builder.getOrCreate();
  }
}
