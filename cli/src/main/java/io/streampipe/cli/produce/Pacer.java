package io.streampipe.cli.produce;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Holds a loop to a steady rate by sleeping whenever it runs ahead of schedule. */
final class Pacer {
  private final long nanosPerEvent;
  private final long start = System.nanoTime();
  private long sent;

  /**
   * @param ratePerSecond events per second; 0 or less means as fast as possible
   */
  Pacer(double ratePerSecond) {
    this.nanosPerEvent =
        ratePerSecond <= 0 ? 0 : (long) (TimeUnit.SECONDS.toNanos(1) / ratePerSecond);
  }

  void awaitNext() {
    if (nanosPerEvent == 0) {
      return;
    }
    long due = start + sent++ * nanosPerEvent;
    long ahead = due - System.nanoTime();
    if (ahead > 0) {
      LockSupport.parkNanos(ahead);
    }
  }
}
