package io.streampipe.api;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations written like Kubernetes and Go do: 20m, 10s, 1h30m, 7d, 500ms, or 0. */
public final class Durations {
  private static final Pattern WHOLE = Pattern.compile("^(\\d+(ms|s|m|h|d))+$");
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
  private static final long MAX_DIGITS = 9;

  private Durations() {}

  /** The duration a text denotes, or empty when it does not parse. */
  public static Optional<Duration> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String trimmed = text.trim();
    if (trimmed.equals("0")) {
      return Optional.of(Duration.ZERO);
    }
    if (!WHOLE.matcher(trimmed).matches()) {
      return Optional.empty();
    }
    Duration total = Duration.ZERO;
    Matcher part = PART.matcher(trimmed);
    while (part.find()) {
      if (part.group(1).length() > MAX_DIGITS) {
        return Optional.empty();
      }
      total = total.plus(unit(Long.parseLong(part.group(1)), part.group(2)));
    }
    return Optional.of(total);
  }

  /** The duration of a text the validator accepted. */
  public static Duration require(String text) {
    return parse(text).orElseThrow(() -> new IllegalArgumentException("not a duration: " + text));
  }

  private static Duration unit(long amount, String unit) {
    return switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }
}
