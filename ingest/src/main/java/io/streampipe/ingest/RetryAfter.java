package io.streampipe.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The wait a Retry-After header asks for: delay-seconds or an HTTP date (RFC 9110). */
final class RetryAfter {
  /** A server asking for more than this is capped: the ingester keeps checking. */
  static final Duration MAX = Duration.ofMinutes(10);

  private RetryAfter() {}

  static Optional<Duration> parse(String header, Clock clock) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.trim();
    try {
      if (value.chars().allMatch(Character::isDigit)) {
        return Optional.of(cap(Duration.ofSeconds(Long.parseLong(value))));
      }
      ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), at.toInstant());
      return Optional.of(wait.isNegative() ? Duration.ZERO : cap(wait));
    } catch (NumberFormatException | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Duration cap(Duration wait) {
    return wait.compareTo(MAX) > 0 ? MAX : wait;
  }
}
