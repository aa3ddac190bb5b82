package io.streampipe.job.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** When a failed write is tried again. */
class WriteRetryTest {

  @Test
  void theBackoffGrowsToItsCeilingWithinHalfAndAllOfIt() {
    assertThat(WriteRetry.backoffMillis(0, 0.0)).isEqualTo(50);
    assertThat(WriteRetry.backoffMillis(0, 0.999)).isEqualTo(99);
    assertThat(WriteRetry.backoffMillis(3, 0.0)).isEqualTo(400);
    assertThat(WriteRetry.backoffMillis(30, 0.999))
        .isLessThanOrEqualTo(WriteRetry.MAX_BACKOFF_MILLIS)
        .isGreaterThanOrEqualTo(WriteRetry.MAX_BACKOFF_MILLIS * 99 / 100);
  }

  @Test
  void writesThatFailedTogetherComeBackApart() {
    long distinct =
        IntStream.range(0, 100).mapToLong(i -> WriteRetry.backoffMillis(2)).distinct().count();
    assertThat(distinct).as("distinct waits of 100 writes failed at once").isGreaterThan(50);
  }
}
