package io.streampipe.job;

import io.streampipe.job.Validated.Rejection;
import io.streampipe.job.Validated.Valid;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * The write task of the no-shuffle path, over one slice of one Kafka partition as Spark reads it
 * (its internal rows, unconverted): validates each record, dead-letters the refused ones as they
 * come, keeps the latest record per key and upserts those with their Kafka-derived write time.
 */
final class SliceWriter implements FlatMapFunction<Iterator<InternalRow>, BatchCounts> {
  private static final long serialVersionUID = 1L;
  // Column positions of Spark's Kafka source: key, value, topic, partition, offset, timestamp.
  private static final int KEY = 0;
  private static final int VALUE = 1;
  private static final int PARTITION = 3;
  private static final int OFFSET = 4;
  private static final int TIMESTAMP = 5;

  private final JobPlan plan;
  private final JobSettings settings;

  SliceWriter(JobPlan plan, JobSettings settings) {
    this.plan = plan;
    this.settings = settings;
  }

  /** A record kept for writing. */
  private record Latest(Object[] values, long writeTime) {}

  @Override
  public Iterator<BatchCounts> call(Iterator<InternalRow> records) throws Exception {
    BatchCounts counts = new BatchCounts();
    LatestByKey<Latest> latest = new LatestByKey<>();
    DeadLetterSender deadLetters =
        plan.deadLetterEnabled()
            ? new DeadLetterSender(settings.bootstrapServers(), plan.deadLetterTopic())
            : null;
    while (records.hasNext()) {
      InternalRow record = records.next();
      counts.read++;
      byte[] value = record.getBinary(VALUE);
      Validated result = plan.validator().validate(value);
      if (result instanceof Valid valid) {
        long writeTime = WriteTimestamps.of(record.getLong(TIMESTAMP), record.getLong(OFFSET));
        String key = DedupKey.of(valid.values(), plan.dedupKeyIndexes());
        latest.offer(
            key, record.getInt(PARTITION), writeTime, new Latest(valid.values(), writeTime));
      } else {
        deadLetter((Rejection) result, record, value, counts, deadLetters);
      }
    }
    counts.deduplicated = latest.duplicates();
    counts.written = upsert(latest);
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
            record.getInt(PARTITION),
            record.getLong(OFFSET),
            record.getLong(TIMESTAMP) / 1000);
    String message =
        DeadLetterMessage.render(plan.pipeline(), rejection, origin, value, Instant.now());
    deadLetters.send(record.isNullAt(KEY) ? null : record.getBinary(KEY), message);
  }

  private long upsert(LatestByKey<Latest> latest) throws InterruptedException {
    if (latest.size() == 0) {
      return 0;
    }
    ValuesBinder binder =
        new ValuesBinder(
            CassandraSessions.prepared(settings, plan.upsertCql()), plan.columnTypes());
    AsyncUpserts writes =
        new AsyncUpserts(CassandraSessions.session(settings), settings.maxInFlight());
    for (Latest record : latest.items()) {
      writes.write(binder.bind(record.values(), record.writeTime()));
    }
    return writes.finish();
  }
}
