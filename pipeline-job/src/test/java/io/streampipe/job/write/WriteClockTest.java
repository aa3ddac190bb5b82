package io.streampipe.job.write;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WriteClockTest {
  @Test
  void followsTheRecordTimestampsInMicroseconds() {
    WriteClock clock = new WriteClock();

    assertThat(clock.next(1_700_000_000_000_000L)).isEqualTo(1_700_000_000_000_000L);
    assertThat(clock.next(1_700_000_000_005_000L)).isEqualTo(1_700_000_000_005_000L);
  }

  @Test
  void recordsOfOneMillisecondStillGetIncreasingTimes() {
    WriteClock clock = new WriteClock();
    long first = clock.next(5_000);

    assertThat(clock.next(5_000)).isEqualTo(first + 1);
    assertThat(clock.next(5_000)).isEqualTo(first + 2);
    assertThat(clock.next(6_000)).isEqualTo(6_000);
  }

  @Test
  void neverGoesBackwardsWithinASlice() {
    WriteClock clock = new WriteClock();
    clock.next(9_000);

    assertThat(clock.next(4_000)).isEqualTo(9_001);
  }

  @Test
  void isTheSameOnEveryReplayOfASlice() {
    long[] timestamps = {7_000, 7_000, 3_000, 8_000};
    assertThat(times(timestamps)).containsExactly(7_000, 7_001, 7_002, 8_000);
    assertThat(times(timestamps)).containsExactly(times(timestamps));
  }

  @Test
  void anUnknownTimestampCountsAsZero() {
    assertThat(new WriteClock().next(-1_000)).isZero();
  }

  private static long[] times(long[] timestamps) {
    WriteClock clock = new WriteClock();
    long[] times = new long[timestamps.length];
    for (int i = 0; i < timestamps.length; i++) {
      times[i] = clock.next(timestamps[i]);
    }
    return times;
  }
}
