package io.streampipe.ingest;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off with full jitter (a wait drawn between half and all of the current step), so
 * many ingesters that failed together do not retry together.
 */
final class Backoff {
  private final Duration initial;
  private final Duration max;
  private int failures;

  Backoff(Duration initial, Duration max) {
    this.initial = initial;
    this.max = max;
  }

  /** The wait before the next attempt; each call doubles the step up to the maximum. */
  Duration next() {
    long step = initial.toMillis() << Math.min(failures, 30);
    if (step <= 0 || step > max.toMillis()) {
      step = max.toMillis();
    }
    failures++;
    long half = step / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(step - half + 1));
  }

  /** After a success the next failure starts from the initial wait again. */
  void reset() {
    failures = 0;
  }
}
