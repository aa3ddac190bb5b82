package io.streampipe.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** What source.startingOffsets may say: earliest, latest, or an ISO-8601 time with its offset. */
public final class StartingOffsets {
  public static final String EARLIEST = "earliest";
  public static final String LATEST = "latest";

  private StartingOffsets() {}

  public static boolean isValid(String value) {
    return EARLIEST.equals(value) || LATEST.equals(value) || timestamp(value).isPresent();
  }

  /** The instant of a time such as {@code 2026-11-30T10:00:00Z}; empty for anything else. */
  public static Optional<Instant> timestamp(String value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(value).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
