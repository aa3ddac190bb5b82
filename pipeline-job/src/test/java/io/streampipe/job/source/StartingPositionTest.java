package io.streampipe.job.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StartingPositionTest {

  @Test
  void earliestAndLatestAreKafkaStartingOffsets() {
    assertThat(StartingPosition.options("earliest"))
        .isEqualTo(Map.of("startingOffsets", "earliest"));
    assertThat(StartingPosition.options("latest")).isEqualTo(Map.of("startingOffsets", "latest"));
  }

  @Test
  void aTimeIsAStartingTimestampInEpochMillisStartingAtTheEndOfPartitionsWithNothingAfterIt() {
    assertThat(StartingPosition.options("2026-11-30T11:00:00+01:00"))
        .isEqualTo(
            Map.of(
                "startingTimestamp", "1796032800000",
                "startingOffsetsByTimestampStrategy", "latest"));
  }
}
