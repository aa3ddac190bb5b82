package io.streampipe.job.write;

import io.streampipe.job.deadletter.DeadLetterSender;
import io.streampipe.job.dedup.LatestByKey;
import io.streampipe.job.plan.JobPlan;
import io.streampipe.job.plan.JobSettings;
import io.streampipe.job.resources.JobResources;
import io.streampipe.job.validate.Rule;
import io.streampipe.job.validate.ValidatedRows;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * The write task of a micro-batch, run on an executor over one hash partition of validated rows
 * (all repeats of a dedup key are in the same one): refused rows go to the dead-letter topic as
 * they come, valid ones are collapsed to the latest per key and upserted into Cassandra.
 */
public final class PartitionWriter implements MapPartitionsFunction<Row, BatchCounts> {
  private static final long serialVersionUID = 1L;
  private final JobPlan plan;
  private final JobSettings settings;

  public PartitionWriter(JobPlan plan, JobSettings settings) {
    this.plan = plan;
    this.settings = settings;
  }

  @Override
  public Iterator<BatchCounts> call(Iterator<Row> rows) throws Exception {
    BatchCounts counts = new BatchCounts();
    LatestByKey<Row> latest = new LatestByKey<>();
    DeadLetterSender deadLetters = DeadLetterSender.forTask(plan, settings);
    while (rows.hasNext()) {
      Row row = rows.next();
      counts.read++;
      if (row.isNullAt(ValidatedRows.AT_DEAD_LETTER)) {
        latest.offer(
            row.getString(ValidatedRows.AT_ROUTE),
            row.getInt(ValidatedRows.AT_PARTITION),
            row.getLong(ValidatedRows.AT_OFFSET),
            row);
      } else {
        counts.deadLettered(Rule.ofLabel(row.getString(ValidatedRows.AT_RULE)));
        if (deadLetters != null) {
          deadLetters.send(
              (byte[]) row.get(ValidatedRows.AT_KEY), row.getString(ValidatedRows.AT_DEAD_LETTER));
        }
      }
    }
    counts.deduplicated = latest.duplicates();
    counts.written = upsert(latest, counts);
    if (deadLetters != null) {
      deadLetters.finish();
    }
    return List.of(counts).iterator();
  }

  private long upsert(LatestByKey<Row> latest, BatchCounts counts) throws InterruptedException {
    if (latest.size() == 0) {
      return 0;
    }
    AsyncUpserts writes = AsyncUpserts.forTask(plan, settings);
    RowBinder binder =
        new RowBinder(
            JobResources.shared().cassandra().prepared(settings, plan.upsertCql()),
            plan.columnTypes());
    // Rising write times in send order, one per row: a batch's own timestamp would be shared by
    // its rows, and two of them may be the same Cassandra row under dedup keys wider than the key.
    WriteClock clock = new WriteClock();
    for (Row row : latest.items()) {
      writes.write(binder.bind(row, clock.next(System.currentTimeMillis() * 1000)));
    }
    long written = writes.finish();
    counts.retried(writes);
    return written;
  }
}
