package io.streampipe.job;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * The body of {@code foreachBatch}, on the driver: validate per Kafka partition, hash-repartition
 * by dedup key into as many partitions as there are cores (one shuffle, needed because repeats of a
 * key may sit in different Kafka partitions), then write each partition, and add up the counts the
 * write tasks return. Only after this returns does Spark commit the batch's offsets.
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
    List<BatchCounts> perTask =
        ValidatedRows.validate(kafka, plan)
            .repartition(writePartitions, col(ValidatedRows.ROUTE))
            .mapPartitions(
                new PartitionWriter(plan, settings), Encoders.javaSerialization(BatchCounts.class))
            .collectAsList();
    BatchCounts total = perTask.stream().reduce(new BatchCounts(), BatchCounts::plus);
    onBatch.accept(total.toStats(batchId, (System.nanoTime() - started) / 1_000_000));
  }
}
