package io.streampipe.provisioning;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.ApiException;

/**
 * Waits, bounded, for admin client futures, and rethrows Kafka's own exception (e.g. {@code
 * TopicExistsException}) instead of the {@code ExecutionException} wrapping it, so callers can
 * catch what they expect.
 */
final class KafkaCalls {
  private final Duration timeout;

  KafkaCalls(Duration timeout) {
    this.timeout = timeout;
  }

  <T> T get(KafkaFuture<T> future) {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ApiException api) {
        throw api;
      }
      throw new ProvisioningException("Kafka admin call failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new ProvisioningException("Kafka did not answer within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProvisioningException("interrupted while waiting for Kafka", e);
    }
  }

  /** A short pause between polls of the broker's metadata. */
  static void pause() {
    try {
      TimeUnit.MILLISECONDS.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProvisioningException("interrupted while waiting for Kafka", e);
    }
  }
}
