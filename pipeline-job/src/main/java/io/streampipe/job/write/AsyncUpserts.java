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
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asynchronous upserts with a bounded number of rows in flight: enough to keep Cassandra busy, few
 * enough not to drown it or the driver's queues. Rows that the same nodes own travel together in
 * small UNLOGGED batches sent to one of those nodes, so a request carries several rows and no
 * coordinator forwards them ({@link BatchLimits} keeps batches under Cassandra's warnings). A write
 * that fails for want of a node or of time is retried with back-off ({@link WriteRetry}) for up to
 * the retry timeout, holding its place in flight; a timeout or an overload also lowers how many
 * rows may be in flight ({@link WriteConcurrency}, shared by the pipeline's tasks), and retries
 * wait for room like new writes ({@link InFlight}). Then, or at once for other errors, the first
 * failure fails the task, so Spark retries the batch rather than committing it. Retrying here
 * rather than failing the task keeps a short outage from re-sending the batch's dead letters or
 * costing a restart. Public for the benchmark's raw client, which writes through it too.
 */
public final class AsyncUpserts {
  private static final Logger LOG = LoggerFactory.getLogger(AsyncUpserts.class);

  private final CqlSession session;
  private final CqlIdentifier keyspace;
  private final TokenMap tokens;
  private final WriteBatches<Set<Node>, BoundStatement> batches;
  private final WriteConcurrency concurrency;
  private final InFlight inFlight;
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong warned = new AtomicLong();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final long retryNanos;
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong firstFailure = new AtomicLong();
  private final AtomicLong lastRecovery = new AtomicLong();
  private long requests;

  /**
   * @param maxInFlight rows sent and not yet answered, at most
   */
  public AsyncUpserts(CqlSession session, String keyspace, BatchLimits limits, int maxInFlight) {
    this(session, keyspace, limits, maxInFlight, Duration.ZERO);
  }

  /**
   * @param retryFor how long after its first failure a write is still retried
   */
  public AsyncUpserts(
      CqlSession session, String keyspace, BatchLimits limits, int maxInFlight, Duration retryFor) {
    this(
        session,
        keyspace,
        limits,
        new WriteConcurrency(Math.max(maxInFlight, limits.maxRows())),
        retryFor);
  }

  private AsyncUpserts(
      CqlSession session,
      String keyspace,
      BatchLimits limits,
      WriteConcurrency concurrency,
      Duration retryFor) {
    this.retryNanos = retryFor.toNanos();
    this.session = session;
    this.keyspace = CqlIdentifier.fromInternal(keyspace);
    // Without token metadata the owners are unknown: every row then goes alone.
    this.tokens = limits.batches() ? session.getMetadata().getTokenMap().orElse(null) : null;
    this.batches = new WriteBatches<>(limits, this::send);
    this.concurrency = concurrency;
    this.inFlight = new InFlight(concurrency);
  }

  /** The writer of one task of a pipeline, on the JVM's shared session. */
  static AsyncUpserts forTask(JobPlan plan, JobSettings settings) {
    return new AsyncUpserts(
        JobResources.shared().cassandra().session(settings),
        plan.keyspace(),
        settings.writeBatch(),
        WriteConcurrency.shared(
            plan.keyspace() + "." + plan.table(),
            Math.max(settings.maxInFlight(), settings.writeBatch().maxRows())),
        plan.writeRetryTimeout());
  }

  public void write(BoundStatement upsert) {
    Set<Node> owners = owners(upsert);
    batches.add(owners, upsert, owners == null ? 0 : size(upsert));
  }

  /** Sends what is held, waits for every write in flight; returns the rows written. */
  public long finish() throws InterruptedException {
    batches.flush();
    inFlight.awaitNone();
    rethrow();
    if (retries.get() > 0) {
      LOG.info(
          "Cassandra writes went through after {} retries in {} ms", retries.get(), retryMillis());
    }
    return written.get();
  }

  /** Rows a task may keep in flight now, as Cassandra's answers taught. */
  public int concurrencyLimit() {
    return concurrency.limit();
  }

  /** Attempts that failed and were tried again. */
  long retries() {
    return retries.get();
  }

  /** From the first failed attempt to the last retried write that went through; 0 without one. */
  long retryMillis() {
    long first = firstFailure.get();
    return first == 0 ? 0 : Math.max(0, (lastRecovery.get() - first) / 1_000_000);
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
      inFlight.acquire(count);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing", e);
    }
    requests++;
    execute(statement(rows), count, 0, 0);
  }

  /** One attempt; its rows are held in flight until it succeeds or is given up. */
  private void execute(Statement<?> statement, int count, int attempt, long failedSince) {
    long sentAt = System.nanoTime();
    session
        .executeAsync(statement)
        .whenComplete(
            (result, error) -> {
              inFlight.answered(count);
              if (error == null) {
                concurrency.succeeded(count);
                written.addAndGet(count);
                if (!result.getExecutionInfo().getWarnings().isEmpty()) {
                  warned.incrementAndGet();
                }
                if (attempt > 0) {
                  lastRecovery.accumulateAndGet(System.nanoTime(), Math::max);
                }
                inFlight.done(count);
                return;
              }
              long now = System.nanoTime();
              if (WriteRetry.overload(error)) {
                concurrency.overloaded(sentAt, now);
              }
              long since = attempt == 0 ? now : failedSince;
              if (WriteRetry.retryable(error)
                  && now - since < retryNanos
                  && failure.get() == null) {
                retryLater(statement, count, attempt, since, error);
                return;
              }
              lastRecovery.accumulateAndGet(now, Math::max);
              failure.compareAndSet(null, error);
              inFlight.done(count);
            });
  }

  private void retryLater(
      Statement<?> statement, int count, int attempt, long since, Throwable error) {
    retries.incrementAndGet();
    if (firstFailure.compareAndSet(0, since)) {
      LOG.warn(
          "a Cassandra write failed ({}); retrying with back-off for up to {} s",
          error.toString(),
          retryNanos / 1_000_000_000);
    }
    WriteRetry.later(
        WriteRetry.backoffMillis(attempt),
        () -> inFlight.retry(count, () -> execute(statement, count, attempt + 1, since)));
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
      throw new IllegalStateException(
          "a Cassandra write failed"
              + (retries.get() > 0 ? " after " + retries.get() + " retries" : "")
              + ": "
              + error.getMessage(),
          error);
    }
  }
}
