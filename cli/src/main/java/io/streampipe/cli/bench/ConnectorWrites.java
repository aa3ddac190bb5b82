package io.streampipe.cli.bench;

import io.streampipe.api.FieldType;
import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.job.plan.JobPlan;
import io.streampipe.job.plan.JobSettings;
import io.streampipe.job.write.BatchLimits;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The spark-cassandra-connector's own DataFrame writer on the same typed rows, into the same table,
 * in the same Spark session, tuned as its reference advises and as the job writes: rows grouped by
 * replica set into UNLOGGED batches of the job's size, the job's rows in flight per task as
 * concurrent batches, nulls left unset, each row with its own write time ({@code writetime}
 * option). The rows are parallelized and checkpointed before the clock starts, so like the raw
 * client it measures the writer alone: no Kafka, no parsing.
 */
final class ConnectorWrites {
  /** The extra column holding each row's write time, in microseconds; the connector binds it. */
  static final String WRITE_TIME = "bench_write_time";

  private final SparkSession spark;
  private final List<String> columns;
  private final List<FieldType> types;
  private final int partitions;
  private final Map<String, String> options;

  ConnectorWrites(
      SparkSession spark,
      List<String> columns,
      List<FieldType> types,
      int partitions,
      Map<String, String> options) {
    this.spark = spark;
    this.columns = List.copyOf(columns);
    this.types = List.copyOf(types);
    this.partitions = partitions;
    this.options = Map.copyOf(options);
  }

  /** The writer for the pipeline's table, tuned as the job writes (see {@link #options}). */
  static ConnectorWrites of(SparkSession spark, ValidPipeline pipeline, JobSettings job) {
    var sink = pipeline.spec().getSink().getCassandra();
    var plan = JobPlan.of(pipeline);
    return new ConnectorWrites(
        spark,
        plan.columns(),
        plan.columnTypes(),
        pipeline.spec().getSource().getTopic().getPartitions(),
        ConnectorWrites.options(
            plan.keyspace(),
            plan.table(),
            sink.getContactPoints().get(0),
            sink.getLocalDatacenter(),
            job.writeBatch(),
            job.maxInFlight()));
  }

  /**
   * The connector's settings for the job's table and tuning: one batch of {@code limits.maxRows()}
   * rows per request, {@code maxInFlight / maxRows} batches in flight per task.
   */
  static Map<String, String> options(
      String keyspace,
      String table,
      String contactPoint,
      String localDatacenter,
      BatchLimits limits,
      int maxInFlight) {
    int colon = contactPoint.lastIndexOf(':');
    Map<String, String> options = new LinkedHashMap<>();
    options.put("keyspace", keyspace);
    options.put("table", table);
    options.put("spark.cassandra.connection.host", contactPoint.substring(0, colon));
    options.put("spark.cassandra.connection.port", contactPoint.substring(colon + 1));
    options.put("spark.cassandra.connection.localDC", localDatacenter);
    options.put("spark.cassandra.output.consistency.level", "LOCAL_QUORUM");
    options.put("spark.cassandra.output.batch.grouping.key", "replica_set");
    options.put("spark.cassandra.output.batch.size.rows", Integer.toString(limits.maxRows()));
    options.put(
        "spark.cassandra.output.concurrent.writes",
        Integer.toString(Math.max(1, maxInFlight / limits.maxRows())));
    options.put("spark.cassandra.output.ignoreNulls", "true");
    options.put("writetime", WRITE_TIME);
    return options;
  }

  /**
   * The rows as a materialized DataFrame of as many partitions as the topic has, built once per
   * run.
   */
  Dataset<Row> frame(List<Object[]> rows) {
    List<StructField> fields = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      fields.add(DataTypes.createStructField(columns.get(i), sparkType(types.get(i)), true));
    }
    fields.add(DataTypes.createStructField(WRITE_TIME, DataTypes.LongType, false));
    long writeTime = System.currentTimeMillis() * 1000;
    List<Row> sparkRows = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      Object[] values = new Object[row.length + 1];
      for (int i = 0; i < row.length; i++) {
        values[i] = sparkValue(row[i]);
      }
      values[row.length] = writeTime;
      sparkRows.add(RowFactory.create(values));
    }
    var rdd = new JavaSparkContext(spark.sparkContext()).parallelize(sparkRows, partitions);
    // Checkpointed, so the write's tasks read blocks instead of carrying the rows themselves.
    return spark
        .createDataFrame(rdd, new StructType(fields.toArray(StructField[]::new)))
        .localCheckpoint(true);
  }

  /** Writes the frame and returns rows per second from the start of the write to its end. */
  double write(Dataset<Row> frame, long rows) {
    long started = System.nanoTime();
    frame
        .write()
        .format("org.apache.spark.sql.cassandra")
        .options(options)
        .mode(SaveMode.Append)
        .save();
    return Stats.perSecond(rows, System.nanoTime() - started);
  }

  private static DataType sparkType(FieldType type) {
    return switch (type) {
      case TEXT, UUID -> DataTypes.StringType;
      case INT -> DataTypes.IntegerType;
      case BIGINT -> DataTypes.LongType;
      case DOUBLE -> DataTypes.DoubleType;
      case BOOLEAN -> DataTypes.BooleanType;
      case TIMESTAMP -> DataTypes.TimestampType;
      case DATE -> DataTypes.DateType;
    };
  }

  /** The driver's Java types as Spark's external row types; the connector turns text into uuid. */
  private static Object sparkValue(Object value) {
    if (value instanceof java.util.UUID id) {
      return id.toString();
    }
    if (value instanceof Instant instant) {
      return Timestamp.from(instant);
    }
    if (value instanceof LocalDate date) {
      return Date.valueOf(date);
    }
    return value;
  }
}
