package io.streampipe.cli;

import org.apache.spark.sql.SparkSession;

/** A Spark session in local mode, kept on loopback and quiet, for running a pipeline here. */
public final class LocalSpark {
  private LocalSpark() {}

  public static SparkSession start(String pipeline) {
    return SparkSession.builder()
        .appName("streampipe-" + pipeline)
        .master("local[*]")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.adaptive.enabled", "false")
        .getOrCreate();
  }
}
