package io.streampipe.job.source;

import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * The one place that knows where Spark's Kafka source puts each column of a record (without
 * headers, which the job does not read). The write task reads the source's internal rows by
 * position, unconverted, so positions are named here and pinned by {@code KafkaSourceRowTest}
 * against the schema Spark declares: a Spark upgrade that moves a column fails that test.
 */
public final class KafkaSourceRow {
  public static final int KEY = 0;
  public static final int VALUE = 1;
  public static final int TOPIC = 2;
  public static final int PARTITION = 3;
  public static final int OFFSET = 4;
  public static final int TIMESTAMP = 5;
  public static final int TIMESTAMP_TYPE = 6;

  /** Column names, indexed by the positions above. */
  public static final List<String> NAMES =
      List.of("key", "value", "topic", "partition", "offset", "timestamp", "timestampType");

  private KafkaSourceRow() {}

  public static String name(int position) {
    return NAMES.get(position);
  }

  /** The record key; null when the record has none. */
  public static byte[] key(InternalRow record) {
    return record.isNullAt(KEY) ? null : record.getBinary(KEY);
  }

  public static byte[] value(InternalRow record) {
    return record.getBinary(VALUE);
  }

  public static int partition(InternalRow record) {
    return record.getInt(PARTITION);
  }

  public static long offset(InternalRow record) {
    return record.getLong(OFFSET);
  }

  /** The record timestamp as Spark holds a timestamp internally: microseconds since the epoch. */
  public static long timestampMicros(InternalRow record) {
    return record.getLong(TIMESTAMP);
  }
}
