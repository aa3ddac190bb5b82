package io.streampipe.ingest;

/**
 * A token bucket: {@code rate} tokens a second, at most one second's worth saved up, so a quiet
 * source may burst for a second and then holds the rate.
 */
final class TokenBucket {
  private static final long NANOS = 1_000_000_000L;

  private final double rate;
  private final double capacity;
  private double tokens;
  private long refilledAt;

  TokenBucket(double rate) {
    this.rate = rate;
    this.capacity = Math.max(1, rate);
    this.tokens = capacity;
    this.refilledAt = System.nanoTime();
  }

  /** A bucket that never waits. */
  static TokenBucket unlimited() {
    return new TokenBucket(Double.POSITIVE_INFINITY);
  }

  /** Takes one token, waiting for it when the bucket is empty. */
  void acquire() throws InterruptedException {
    // Most pipelines set no limit: no lock per record for them.
    if (!Double.isInfinite(rate)) {
      take();
    }
  }

  private synchronized void take() throws InterruptedException {
    refill();
    while (tokens < 1) {
      long waitNanos = (long) Math.ceil((1 - tokens) / rate * NANOS);
      wait(Math.max(1, waitNanos / 1_000_000), (int) (waitNanos % 1_000_000));
      refill();
    }
    tokens -= 1;
  }

  private void refill() {
    long now = System.nanoTime();
    tokens = Math.min(capacity, tokens + (now - refilledAt) * rate / NANOS);
    refilledAt = now;
  }
}
