package io.streampipe.job.deadletter;

/**
 * Where a record was read: the coordinates a dead-letter message carries back to the source.
 *
 * @param timestampMillis the Kafka record timestamp
 */
public record RecordOrigin(String topic, int partition, long offset, long timestampMillis) {}
