package io.streampipe.job.write;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of one write task on the wire, held under its {@link WriteConcurrency} limit: new writes
 * wait for room, and so do retries, which would otherwise send a whole timed-out batch again at
 * once. Retries go first (their rows are older) and never block the driver's threads: one that does
 * not fit queues until an answer makes room. A group of rows larger than the limit goes when
 * nothing else is on the wire.
 */
final class InFlight {
  private final WriteConcurrency concurrency;
  private final ArrayDeque<Retry> retries = new ArrayDeque<>();
  private int sending;
  private int held;

  private record Retry(int rows, Runnable attempt) {}

  InFlight(WriteConcurrency concurrency) {
    this.concurrency = concurrency;
  }

  /**
   * Waits until {@code rows} new rows may go on the wire; they are then held until {@link #done}.
   */
  synchronized void acquire(int rows) throws InterruptedException {
    while (!retries.isEmpty() || !fits(rows)) {
      wait();
    }
    sending += rows;
    held += rows;
  }

  /** An attempt of {@code rows} came back, whatever its outcome: queued retries that fit go. */
  void answered(int rows) {
    List<Runnable> ready = new ArrayList<>();
    synchronized (this) {
      sending -= rows;
      while (!retries.isEmpty() && fits(retries.peek().rows())) {
        Retry retry = retries.poll();
        sending += retry.rows();
        ready.add(retry.attempt());
      }
      notifyAll();
    }
    ready.forEach(Runnable::run);
  }

  /** Sends a retry of held rows now if it fits, else once an answer makes room. */
  void retry(int rows, Runnable attempt) {
    synchronized (this) {
      if (!retries.isEmpty() || !fits(rows)) {
        retries.add(new Retry(rows, attempt));
        return;
      }
      sending += rows;
    }
    attempt.run();
  }

  /** Held rows are written or given up. */
  synchronized void done(int rows) {
    held -= rows;
    notifyAll();
  }

  /** Waits until every held row is written or given up. */
  synchronized void awaitNone() throws InterruptedException {
    while (held > 0) {
      wait();
    }
  }

  private boolean fits(int rows) {
    return sending == 0 || sending + rows <= concurrency.limit();
  }
}
