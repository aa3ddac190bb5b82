package io.streampipe.job.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.NoNodeAvailableException;
import com.datastax.oss.driver.api.core.servererrors.DefaultWriteType;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
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

  @Test
  void timeoutsAndOverloadAskForFewerWritesInFlightAnOutageDoesNot() {
    assertThat(
            WriteRetry.overload(
                new WriteTimeoutException(
                    null, DefaultConsistencyLevel.ONE, 0, 1, DefaultWriteType.UNLOGGED_BATCH)))
        .isTrue();
    assertThat(WriteRetry.overload(new OverloadedException(null))).isTrue();
    assertThat(WriteRetry.overload(new DriverTimeoutException("2 s"))).isTrue();
    assertThat(WriteRetry.overload(new NoNodeAvailableException())).isFalse();
    assertThat(
            WriteRetry.overload(new UnavailableException(null, DefaultConsistencyLevel.ONE, 1, 0)))
        .isFalse();
  }
}
