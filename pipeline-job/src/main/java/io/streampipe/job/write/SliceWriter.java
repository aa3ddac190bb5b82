package io.streampipe.job.write;

import io.streampipe.job.deadletter.DeadLetterMessage;
import io.streampipe.job.deadletter.DeadLetterSender;
import io.streampipe.job.deadletter.RecordOrigin;
import io.streampipe.job.dedup.DedupKey;
import io.streampipe.job.dedup.RecentByKey;
import io.streampipe.job.plan.JobPlan;
import io.streampipe.job.plan.JobSettings;
import io.streampipe.job.resources.JobResources;
import io.streampipe.job.source.KafkaSourceRow;
import io.streampipe.job.validate.Validated;
import io.streampipe.job.validate.Validated.Rejection;
import io.streampipe.job.validate.Validated.Valid;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * The write task of the no-shuffle path, over one slice of one Kafka partition as Spark reads it
 * (its internal rows, unconverted): validates each record, dead-letters the refused ones as they
 * come, collapses repeats within a window of recent keys and streams the rest to Cassandra with
 * their Kafka-derived write time while parsing goes on.
 */
public final class SliceWriter implements FlatMapFunction<Iterator<InternalRow>, BatchCounts> {
  private static final long serialVersionUID = 1L;

  /**
   * Distinct keys held back to collapse repeats that arrive close together; writes begin once it is
   * full, so Cassandra works while the rest of the slice is parsed. Small, so the records it holds
   * die young: at 16,384 the window's map alone took a seventh of the task's CPU.
   */
  static final int DEDUP_WINDOW = Integer.getInteger("streampipe.dedupWindow", 1_024);

  private final JobPlan plan;
  private final JobSettings settings;

  public SliceWriter(JobPlan plan, JobSettings settings) {
    this.plan = plan;
    this.settings = settings;
  }

  /** A record kept for writing. */
  private record Latest(Object[] values, long writeTime) {}

  @Override
  public Iterator<BatchCounts> call(Iterator<InternalRow> records) throws Exception {
    BatchCounts counts = new BatchCounts();
    DeadLetterSender deadLetters = DeadLetterSender.forTask(plan, settings);
    ValuesBinder binder =
        new ValuesBinder(
            JobResources.shared().cassandra().prepared(settings, plan.upsertCql()),
            plan.columnTypes());
    AsyncUpserts writes = AsyncUpserts.forTask(plan, settings);
    WriteClock clock = new WriteClock();
    RecentByKey<Latest> recent =
        new RecentByKey<>(
            DEDUP_WINDOW, latest -> writes.write(binder.bind(latest.values(), latest.writeTime())));
    while (records.hasNext()) {
      InternalRow record = records.next();
      counts.read++;
      byte[] value = KafkaSourceRow.value(record);
      Validated result = plan.decode(value);
      if (result instanceof Valid valid) {
        long writeTime = clock.next(KafkaSourceRow.timestampMicros(record));
        Object key = DedupKey.identity(valid.values(), plan.dedupKeyIndexes());
        recent.offer(key, writeTime, new Latest(valid.values(), writeTime));
      } else {
        deadLetter((Rejection) result, record, value, counts, deadLetters);
      }
    }
    recent.flush();
    counts.deduplicated = recent.duplicates();
    counts.written = writes.finish();
    counts.retried(writes);
    if (deadLetters != null) {
      deadLetters.finish();
    }
    return List.of(counts).iterator();
  }

  private void deadLetter(
      Rejection rejection,
      InternalRow record,
      byte[] value,
      BatchCounts counts,
      DeadLetterSender deadLetters) {
    counts.deadLettered(rejection.first().rule());
    if (deadLetters == null) {
      return;
    }
    RecordOrigin origin =
        new RecordOrigin(
            plan.topic(),
            KafkaSourceRow.partition(record),
            KafkaSourceRow.offset(record),
            KafkaSourceRow.timestampMicros(record) / 1000);
    byte[] key = KafkaSourceRow.key(record);
    deadLetters.send(key, DeadLetterMessage.render(plan, rejection, origin, key, value));
  }
}
