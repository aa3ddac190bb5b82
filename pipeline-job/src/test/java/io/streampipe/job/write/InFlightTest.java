package io.streampipe.job.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Rows on the wire under the learnt limit: retries wait for room too, and go first. */
class InFlightTest {

  @Test
  void aRetryThatDoesNotFitWaitsForAnAnswer() {
    InFlight inFlight = new InFlight(new WriteConcurrency(4));
    AtomicInteger sent = new AtomicInteger();
    inFlight.retry(4, sent::incrementAndGet);
    inFlight.retry(2, sent::incrementAndGet);
    assertThat(sent).as("the second does not fit beside the first").hasValue(1);
    inFlight.answered(4);
    assertThat(sent).hasValue(2);
  }

  @Test
  void aCutLimitHoldsRetriesBack() {
    WriteConcurrency concurrency = new WriteConcurrency(8);
    InFlight inFlight = new InFlight(concurrency);
    AtomicInteger sent = new AtomicInteger();
    inFlight.retry(4, sent::incrementAndGet);
    concurrency.overloaded(0, 0);
    concurrency.overloaded(1, 1);
    inFlight.retry(2, sent::incrementAndGet);
    inFlight.retry(2, sent::incrementAndGet);
    assertThat(sent).as("limit 2, 4 rows on the wire").hasValue(1);
    inFlight.answered(4);
    assertThat(sent).as("one retry of 2 rows fits the limit of 2").hasValue(2);
    inFlight.answered(2);
    assertThat(sent).hasValue(3);
  }

  @Test
  void newWritesWaitWhileRetriesQueue() throws Exception {
    InFlight inFlight = new InFlight(new WriteConcurrency(4));
    inFlight.acquire(4);
    AtomicInteger retried = new AtomicInteger();
    inFlight.retry(1, retried::incrementAndGet);
    CompletableFuture<Void> next = inBackground(() -> inFlight.acquire(1));
    assertBlocked(next);
    inFlight.answered(4);
    next.get(10, TimeUnit.SECONDS);
    assertThat(retried).as("the retry went before the new write").hasValue(1);
  }

  @Test
  void aGroupLargerThanTheLimitGoesAlone() throws Exception {
    InFlight inFlight = new InFlight(new WriteConcurrency(4));
    inBackground(() -> inFlight.acquire(10)).get(10, TimeUnit.SECONDS);
  }

  @Test
  void finishingWaitsForEveryHeldRow() throws Exception {
    InFlight inFlight = new InFlight(new WriteConcurrency(4));
    inFlight.acquire(3);
    inFlight.answered(3);
    CompletableFuture<Void> finish = inBackground(inFlight::awaitNone);
    assertBlocked(finish);
    inFlight.done(3);
    finish.get(10, TimeUnit.SECONDS);
  }

  /** A call that may wait. */
  private interface Waiting {
    void run() throws InterruptedException;
  }

  private static CompletableFuture<Void> inBackground(Waiting call) {
    return CompletableFuture.runAsync(
        () -> {
          try {
            call.run();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private static void assertBlocked(CompletableFuture<Void> future) throws Exception {
    try {
      future.get(200, TimeUnit.MILLISECONDS);
      throw new AssertionError("expected to wait");
    } catch (TimeoutException expected) {
      assertThat(future).isNotDone();
    }
  }
}
