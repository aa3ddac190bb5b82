package io.streampipe.job.source;

import io.streampipe.api.StartingOffsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The Kafka source's options for source.startingOffsets; used only when no checkpoint exists. */
public final class StartingPosition {
  private StartingPosition() {}

  public static Map<String, String> options(String startingOffsets) {
    Optional<Instant> time = StartingOffsets.timestamp(startingOffsets);
    if (time.isEmpty()) {
      return Map.of("startingOffsets", startingOffsets);
    }
    // A partition with no record at or after the time starts at its end; Spark's default fails.
    return Map.of(
        "startingTimestamp",
        String.valueOf(time.get().toEpochMilli()),
        "startingOffsetsByTimestampStrategy",
        "latest");
  }
}
