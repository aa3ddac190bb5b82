package io.streampipe.job;

import static org.apache.spark.sql.functions.col;

import io.streampipe.job.metrics.BatchStats;
import io.streampipe.job.plan.JobPlan;
import io.streampipe.job.plan.JobSettings;
import io.streampipe.job.validate.ValidatedRows;
import io.streampipe.job.write.BatchCounts;
import io.streampipe.job.write.PartitionWriter;
import io.streampipe.job.write.SliceWriter;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * The body of {@code foreachBatch}, on the driver: run the write tasks, add up the counts they
 * return. When the dedup keys are the primary key, each task works on its own slice of a Kafka
 * partition with no shuffle: repeats of a key in other slices resolve in Cassandra by write time.
 * Otherwise the validated rows are hash-repartitioned by dedup key first (one shuffle), so all
 * repeats of a key meet in one task. Only after this returns does Spark commit the batch's offsets.
 */
final class MicroBatch implements VoidFunction2<Dataset<Row>, Long> {
  private static final long serialVersionUID = 1L;
  private final JobPlan plan;
  private final JobSettings settings;
  private final int writePartitions;
  private final transient Consumer<BatchStats> onBatch;

  MicroBatch(
      JobPlan plan, JobSettings settings, int writePartitions, Consumer<BatchStats> onBatch) {
    this.plan = plan;
    this.settings = settings;
    this.writePartitions = writePartitions;
    this.onBatch = onBatch;
  }

  @Override
  public void call(Dataset<Row> kafka, Long batchId) {
    long started = System.nanoTime();
    List<BatchCounts> perTask = plan.dedupOnPrimaryKey() ? perSlice(kafka) : shuffled(kafka);
    BatchCounts total = perTask.stream().reduce(new BatchCounts(), BatchCounts::plus);
    onBatch.accept(total.toStats(batchId, (System.nanoTime() - started) / 1_000_000));
  }

  /** Spark's internal rows of the Kafka source, never converted to {@code Row}s. */
  private List<BatchCounts> perSlice(Dataset<Row> kafka) {
    return kafka
        .queryExecution()
        .toRdd()
        .toJavaRDD()
        .mapPartitions(new SliceWriter(plan, settings))
        .collect();
  }

  private List<BatchCounts> shuffled(Dataset<Row> kafka) {
    return ValidatedRows.validate(kafka, plan)
        .repartition(writePartitions, col(ValidatedRows.ROUTE))
        .mapPartitions(
            new PartitionWriter(plan, settings), Encoders.javaSerialization(BatchCounts.class))
        .collectAsList();
  }
}
