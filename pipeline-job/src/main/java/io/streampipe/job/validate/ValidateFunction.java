package io.streampipe.job.validate;

import io.streampipe.job.deadletter.DeadLetterMessage;
import io.streampipe.job.deadletter.RecordOrigin;
import io.streampipe.job.dedup.DedupKey;
import io.streampipe.job.plan.JobPlan;
import io.streampipe.job.source.KafkaSourceRow;
import io.streampipe.job.validate.Validated.Rejection;
import io.streampipe.job.validate.Validated.Valid;
import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** Runs the {@link RecordValidator} over a partition of Kafka rows, lazily, one row per record. */
final class ValidateFunction implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  private final JobPlan plan;
  private final int width;

  ValidateFunction(JobPlan plan) {
    this.plan = plan;
    this.width = ValidatedRows.FIRST_FIELD + plan.validator().fields().size();
  }

  @Override
  public Iterator<Row> call(Iterator<Row> records) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return records.hasNext();
      }

      @Override
      public Row next() {
        return toRow(records.next());
      }
    };
  }

  /** Input columns: the Kafka source's up to the timestamp, that one in epoch millis. */
  Row toRow(Row record) {
    byte[] key = (byte[]) record.get(KafkaSourceRow.KEY);
    byte[] value = (byte[]) record.get(KafkaSourceRow.VALUE);
    int partition = record.getInt(KafkaSourceRow.PARTITION);
    long offset = record.getLong(KafkaSourceRow.OFFSET);
    Validated result = plan.decode(value);
    Object[] row = new Object[width];
    row[ValidatedRows.AT_PARTITION] = partition;
    row[ValidatedRows.AT_OFFSET] = offset;
    row[ValidatedRows.AT_KEY] = key;
    if (result instanceof Valid valid) {
      row[ValidatedRows.AT_ROUTE] = DedupKey.of(valid.values(), plan.dedupKeyIndexes());
      Object[] values = valid.values();
      for (int i = 0; i < values.length; i++) {
        // Spark has no uuid type: a uuid crosses the shuffle as its canonical text.
        row[ValidatedRows.FIRST_FIELD + i] =
            values[i] instanceof java.util.UUID id ? id.toString() : values[i];
      }
    } else {
      Rejection rejection = (Rejection) result;
      RecordOrigin origin =
          new RecordOrigin(
              plan.topic(), partition, offset, record.getLong(KafkaSourceRow.TIMESTAMP));
      // A distinct route per refused record spreads them over the write tasks.
      row[ValidatedRows.AT_ROUTE] = "\u0002" + partition + ":" + offset;
      row[ValidatedRows.AT_DEAD_LETTER] =
          DeadLetterMessage.render(plan, rejection, origin, key, value);
      row[ValidatedRows.AT_RULE] = rejection.first().rule().label();
    }
    return RowFactory.create(row);
  }
}
