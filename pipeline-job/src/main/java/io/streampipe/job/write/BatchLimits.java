package io.streampipe.job.write;

import io.streampipe.api.PipelineDefaults;
import java.io.Serializable;

/**
 * How big a write batch may grow: the spec's {@code sink.cassandra.writeBatch}. The defaults keep
 * every batch under the warnings of a Cassandra with default settings: {@code
 * unlogged_batch_across_partitions_warn_threshold} (10 partitions) and {@code
 * batch_size_warn_threshold} (5 KiB of data, counted as {@link #rowBytes} does, with a tenth kept
 * in reserve). Above those a node logs a warning per batch; at 50 KiB it refuses it.
 *
 * @param maxRows rows per batch; 1 sends every row on its own
 * @param maxBytes data per batch, as Cassandra measures it
 */
public record BatchLimits(int maxRows, int maxBytes) implements Serializable {
  public static final BatchLimits DEFAULT =
      new BatchLimits(PipelineDefaults.WRITE_BATCH_ROWS, PipelineDefaults.WRITE_BATCH_BYTES);
  public static final BatchLimits NONE = new BatchLimits(1, 0);

  /** Per cell, Cassandra counts its timestamp, TTL and local deletion time beside the value. */
  private static final int CELL_OVERHEAD = 16;

  /** Per row, the liveness info of its primary key: timestamp, TTL and local deletion time. */
  private static final int ROW_OVERHEAD = 16;

  public BatchLimits {
    if (maxRows < 1) {
      throw new IllegalArgumentException("a batch holds at least one row, not " + maxRows);
    }
    if (maxBytes < 0) {
      throw new IllegalArgumentException("a batch's byte limit cannot be negative: " + maxBytes);
    }
  }

  /** Whether rows ever share a request: with one row or no bytes allowed, each goes alone. */
  public boolean batches() {
    return maxRows > 1 && maxBytes > 0;
  }

  /** The size Cassandra gives a row of these cell values (bytes each) in a batch. */
  static long rowBytes(int cells, long valueBytes) {
    return ROW_OVERHEAD + (long) cells * CELL_OVERHEAD + valueBytes;
  }
}
