package io.streampipe.job.write;

/**
 * The Cassandra write times of one task's records, from their Kafka record timestamps: the
 * timestamp in microseconds, moved one microsecond past the previous record's whenever it would not
 * be later. So within a slice of a partition the write time grows with the offset (records of one
 * millisecond included), across partitions and batches it follows the record timestamps, and a
 * replay of the same slice computes the same times. Cassandra keeps the cell with the highest write
 * time, so repeats of a key resolve to the latest event whatever order, task or batch writes them.
 */
final class WriteClock {
  private static final long MICROS_PER_MILLI = 1000;
  private long last = Long.MIN_VALUE;

  /**
   * @param timestampMicros the Kafka record timestamp as Spark reads it (whole milliseconds);
   *     negative (unknown) counts as 0
   */
  long next(long timestampMicros) {
    long micros = Math.floorDiv(Math.max(0, timestampMicros), MICROS_PER_MILLI) * MICROS_PER_MILLI;
    last = micros > last ? micros : last + 1;
    return last;
  }
}
