package io.streampipe.job.write;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BatchableStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.TokenMap;
import com.datastax.oss.protocol.internal.ProtocolConstants;
import io.streampipe.job.plan.JobPlan;
import io.streampipe.job.plan.JobSettings;
import io.streampipe.job.resources.JobResources;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Asynchronous upserts with a bounded number of rows in flight: enough to keep Cassandra busy, few
 * enough not to drown it or the driver's queues. Rows that the same nodes own travel together in
 * small UNLOGGED batches sent to one of those nodes, so a request carries several rows and no
 * coordinator forwards them ({@link BatchLimits} keeps batches under Cassandra's warnings). The
 * first failure fails the task, so Spark retries the batch rather than committing it. Public for
 * the benchmark's raw client, which writes through it too.
 */
public final class AsyncUpserts {
  private final CqlSession session;
  private final CqlIdentifier keyspace;
  private final TokenMap tokens;
  private final WriteBatches<Set<Node>, BoundStatement> batches;
  private final Semaphore permits;
  private final int maxInFlight;
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong warned = new AtomicLong();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private long requests;

  /**
   * @param maxInFlight rows sent and not yet answered, at most
   */
  public AsyncUpserts(CqlSession session, String keyspace, BatchLimits limits, int maxInFlight) {
    this.session = session;
    this.keyspace = CqlIdentifier.fromInternal(keyspace);
    // Without token metadata the owners are unknown: every row then goes alone.
    this.tokens = limits.batches() ? session.getMetadata().getTokenMap().orElse(null) : null;
    this.batches = new WriteBatches<>(limits, this::send);
    this.maxInFlight = Math.max(maxInFlight, limits.maxRows());
    this.permits = new Semaphore(this.maxInFlight);
  }

  /** The writer of one task of a pipeline, on the JVM's shared session. */
  static AsyncUpserts forTask(JobPlan plan, JobSettings settings) {
    return new AsyncUpserts(
        JobResources.shared().cassandra().session(settings),
        plan.keyspace(),
        settings.writeBatch(),
        settings.maxInFlight());
  }

  public void write(BoundStatement upsert) {
    Set<Node> owners = owners(upsert);
    batches.add(owners, upsert, owners == null ? 0 : size(upsert));
  }

  /** Sends what is held, waits for every write in flight; returns the rows written. */
  public long finish() throws InterruptedException {
    batches.flush();
    permits.acquire(maxInFlight);
    permits.release(maxInFlight);
    rethrow();
    return written.get();
  }

  /** Requests sent so far: batches and single rows. */
  long requests() {
    return requests;
  }

  /** Requests that Cassandra answered with a warning (the driver logs each). */
  long warned() {
    return warned.get();
  }

  private Set<Node> owners(BoundStatement upsert) {
    ByteBuffer partitionKey = tokens == null ? null : upsert.getRoutingKey();
    if (partitionKey == null) {
      return null;
    }
    Set<Node> replicas = tokens.getReplicas(keyspace, partitionKey);
    return replicas.isEmpty() ? null : replicas;
  }

  private static long size(BoundStatement upsert) {
    List<ByteBuffer> values = upsert.getValues();
    int cells = 0;
    long bytes = 0;
    for (ByteBuffer value : values) {
      if (value != null && value != ProtocolConstants.UNSET_VALUE) {
        cells++;
        bytes += value.remaining();
      }
    }
    return BatchLimits.rowBytes(cells, bytes);
  }

  private void send(List<BoundStatement> rows) {
    int count = rows.size();
    rethrow();
    try {
      permits.acquire(count);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing", e);
    }
    requests++;
    session
        .executeAsync(statement(rows))
        .whenComplete(
            (result, error) -> {
              try {
                if (error != null) {
                  failure.compareAndSet(null, error);
                } else {
                  written.addAndGet(count);
                  if (!result.getExecutionInfo().getWarnings().isEmpty()) {
                    warned.incrementAndGet();
                  }
                }
              } finally {
                permits.release(count);
              }
            });
  }

  private static Statement<?> statement(List<BoundStatement> rows) {
    if (rows.size() == 1) {
      return rows.get(0);
    }
    // Every upsert carries its own write time, so the batch's order and timestamp do not matter.
    return BatchStatement.newInstance(BatchType.UNLOGGED, List.<BatchableStatement<?>>copyOf(rows))
        .setIdempotent(true);
  }

  private void rethrow() {
    Throwable error = failure.get();
    if (error != null) {
      throw new IllegalStateException("a Cassandra write failed: " + error.getMessage(), error);
    }
  }
}
