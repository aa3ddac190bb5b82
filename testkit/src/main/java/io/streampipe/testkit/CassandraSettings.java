package io.streampipe.testkit;

import java.time.Duration;

/**
 * What a test chooses about its Cassandra node: how it syncs its commit log before acknowledging a
 * write, and how long its coordinator waits for a write before answering with a timeout.
 *
 * @param groupCommitWindow {@code null} for Cassandra's default periodic sync, where a kill -9
 *     loses the writes acknowledged since its last commit-log marker (up to 100 ms); otherwise
 *     group sync: a write is acknowledged only once the commit log holding it is synced, at most
 *     this long later
 * @param writeRequestTimeout Cassandra's {@code write_request_timeout} (it raises anything below 10
 *     ms to 10 ms)
 */
public record CassandraSettings(Duration groupCommitWindow, Duration writeRequestTimeout) {
  /** Cassandra's own defaults: periodic sync, a 2 s write timeout. */
  public static final CassandraSettings DEFAULT =
      new CassandraSettings(null, Duration.ofSeconds(2));

  /** Short enough to cost a write a few milliseconds; measured in README "Guarantees". */
  static final Duration DURABLE_WINDOW = Duration.ofMillis(10);

  /**
   * The system property that makes {@link LocalStack#shared()}'s node {@link #durable()}, for
   * suites that kill it.
   */
  public static final String DURABLE_PROPERTY = "testkit.cassandra.durable";

  /** Every acknowledged write survives a kill -9 of the node. */
  public CassandraSettings durable() {
    return new CassandraSettings(DURABLE_WINDOW, writeRequestTimeout);
  }

  public CassandraSettings withGroupCommitWindow(Duration window) {
    return new CassandraSettings(window, writeRequestTimeout);
  }

  public CassandraSettings withWriteRequestTimeout(Duration timeout) {
    return new CassandraSettings(groupCommitWindow, timeout);
  }

  public boolean isDurable() {
    return groupCommitWindow != null;
  }

  /** The shared stack's settings: durable when {@link #DURABLE_PROPERTY} is true. */
  static CassandraSettings forSharedStack() {
    return Boolean.getBoolean(DURABLE_PROPERTY) ? DEFAULT.durable() : DEFAULT;
  }

  /** The lines of cassandra.yaml these settings decide, without a final line break. */
  String yaml() {
    String sync =
        isDurable()
            ? "commitlog_sync: group\ncommitlog_sync_group_window: %dms\n"
                .formatted(groupCommitWindow.toMillis())
            : "commitlog_sync: periodic\ncommitlog_sync_period: %dms\n"
                .formatted(CassandraServer.COMMITLOG_SYNC_PERIOD.toMillis());
    return sync + "write_request_timeout: %dms".formatted(writeRequestTimeout.toMillis());
  }
}
