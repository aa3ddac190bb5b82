package io.streampipe.ingest;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Tells a source to stop, and wakes it from a wait or a blocking read when it does. */
final class StopSignal {
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final List<Runnable> onStop = new CopyOnWriteArrayList<>();

  void stop() {
    stopped.countDown();
    onStop.forEach(Runnable::run);
  }

  boolean isStopped() {
    return stopped.getCount() == 0;
  }

  /** Waits, returning false when stopped meanwhile. */
  boolean sleep(Duration wait) throws InterruptedException {
    return !stopped.await(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Runs the action at stop (at once if already stopped), e.g. closing a stream a read blocks on.
   */
  void onStop(Runnable action) {
    onStop.add(action);
    if (isStopped()) {
      action.run();
    }
  }

  void forget(Runnable action) {
    onStop.remove(action);
  }
}
