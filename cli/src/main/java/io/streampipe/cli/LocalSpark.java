package io.streampipe.cli;

import io.streampipe.api.validation.ValidPipeline;
import org.apache.spark.sql.SparkSession;

/** A Spark session in local mode, kept on loopback and quiet, for running a pipeline here. */
public final class LocalSpark {
  private LocalSpark() {}

  /**
   * A session with a task slot per Kafka partition, at least one per core: the write tasks mostly
   * wait on Cassandra, and a partition whose task queues for a free slot has its oldest events
   * written last (the benchmark saw p99 latency grow by a third of a batch with 3 partitions on 2
   * slots). A failed task is tried up to 4 times, as on a cluster (plain local mode tries once): a
   * Cassandra write timeout on a starved machine then costs a retry, not the query; the writes are
   * idempotent. Override with {@code -Dstreampipe.spark.master=local[N,F]}.
   */
  public static SparkSession start(ValidPipeline pipeline) {
    Integer partitions = pipeline.spec().getSource().getTopic().getPartitions();
    int slots =
        Math.max(Runtime.getRuntime().availableProcessors(), partitions == null ? 1 : partitions);
    return SparkSession.builder()
        .appName("streampipe-" + pipeline.name())
        .master(System.getProperty("streampipe.spark.master", "local[" + slots + ",4]"))
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.adaptive.enabled", "false")
        .getOrCreate();
  }
}
