package io.streampipe.job;

/**
 * The Cassandra write time of a record, from its Kafka coordinates: the record timestamp in
 * microseconds with the offset folded into the microseconds. Cassandra keeps the cell with the
 * highest write time, so repeats of a key resolve to the latest event whatever order, task or batch
 * writes them in, and a replay writes the very same cells.
 */
final class WriteTimestamps {
  private static final long MICROS_PER_MILLI = 1000;

  private WriteTimestamps() {}

  /**
   * @param timestampMicros the Kafka record timestamp as Spark reads it (whole milliseconds)
   * @param offset the record's offset, which orders records of one partition within a millisecond
   */
  static long of(long timestampMicros, long offset) {
    long millis = Math.floorDiv(Math.max(0, timestampMicros), MICROS_PER_MILLI);
    return millis * MICROS_PER_MILLI + Math.floorMod(offset, MICROS_PER_MILLI);
  }
}
