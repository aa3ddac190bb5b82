package io.streampipe.cli.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.streampipe.job.write.AsyncUpserts;
import io.streampipe.job.write.BatchLimits;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The raw write ceiling: the Java driver alone, async prepared INSERTs of typed values into the
 * pipeline's own table, a bounded number of rows in flight, no Kafka and no Spark. With batches of
 * one row it is the ceiling the job is held to; with the job's batch limits it writes as the job
 * does, so the job can also be compared like for like.
 */
final class RawWrites {
  private final CqlSession session;
  private final PreparedStatement insert;
  private final String keyspace;
  private final int maxInFlight;

  RawWrites(CqlSession session, String keyspace, String upsertCql, int maxInFlight) {
    this.session = session;
    this.insert = session.prepare(upsertCql);
    this.keyspace = keyspace;
    this.maxInFlight = maxInFlight;
  }

  /**
   * Writes every row through the job's own writer and returns rows per second from the first send
   * to the last answer.
   */
  double write(List<Object[]> rows, BatchLimits limits) throws InterruptedException {
    AsyncUpserts writes = new AsyncUpserts(session, keyspace, limits, maxInFlight);
    long started = System.nanoTime();
    // The job's upsert: each row with its own write time, distinct keys so one time serves all.
    long writeTime = System.currentTimeMillis() * 1000;
    for (Object[] row : rows) {
      writes.write(bind(row, writeTime));
    }
    writes.finish();
    return Stats.perSecond(rows.size(), System.nanoTime() - started);
  }

  /** Absent values stay unset, as the job leaves them. */
  private BoundStatement bind(Object[] row, long writeTimeMicros) {
    BoundStatementBuilder statement = insert.boundStatementBuilder();
    for (int i = 0; i < row.length; i++) {
      Object value = row[i];
      if (value instanceof String text) {
        statement.setString(i, text);
      } else if (value instanceof UUID id) {
        statement.setUuid(i, id);
      } else if (value instanceof Instant instant) {
        statement.setInstant(i, instant);
      } else if (value != null) {
        statement.set(i, value, (Class<Object>) value.getClass());
      }
    }
    statement.setLong(row.length, writeTimeMicros);
    return statement.setIdempotence(true).build();
  }
}
