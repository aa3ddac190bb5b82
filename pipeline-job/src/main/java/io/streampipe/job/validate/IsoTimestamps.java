package io.streampipe.job.validate;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * ISO-8601 timestamps with offset to epoch milliseconds. The common shape {@code
 * 2024-03-01T10:15:30[.123456789](Z|+01:00)} is read by hand, since DateTimeFormatter costs more
 * than the rest of a record's validation; anything else goes through {@link
 * DateTimeFormatter#ISO_OFFSET_DATE_TIME}, which stays the definition of what is accepted.
 */
final class IsoTimestamps {
  private static final int FRACTION_START = 20;

  private IsoTimestamps() {}

  /** Epoch milliseconds; throws DateTimeException when the text is not such a timestamp. */
  static long parseMillis(String text) {
    long fast = fast(text);
    if (fast != Long.MIN_VALUE) {
      return fast;
    }
    return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
        .toInstant()
        .toEpochMilli();
  }

  /** The value of the common shape, or Long.MIN_VALUE to defer to the full parser. */
  private static long fast(String t) {
    int n = t.length();
    if (n < 20
        || t.charAt(4) != '-'
        || t.charAt(7) != '-'
        || t.charAt(10) != 'T'
        || t.charAt(13) != ':'
        || t.charAt(16) != ':') {
      return Long.MIN_VALUE;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 2);
    int day = digits(t, 8, 2);
    int hour = digits(t, 11, 2);
    int minute = digits(t, 14, 2);
    int second = digits(t, 17, 2);
    if (year < 0
        || month < 0
        || day < 0
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59) {
      return Long.MIN_VALUE;
    }
    int at = 19;
    int millis = 0;
    if (t.charAt(at) == '.') {
      int end = at + 1;
      while (end < n && end - at <= 9 && isDigit(t.charAt(end))) {
        end++;
      }
      if (end == at + 1 || (end < n && isDigit(t.charAt(end)))) {
        return Long.MIN_VALUE;
      }
      millis = fractionMillis(t, at + 1, end);
      at = end;
    }
    int offsetSeconds = offset(t, at);
    if (offsetSeconds == Integer.MIN_VALUE) {
      return Long.MIN_VALUE;
    }
    try {
      long days = LocalDate.of(year, month, day).toEpochDay();
      long seconds = days * 86_400 + hour * 3_600L + minute * 60L + second - offsetSeconds;
      return seconds * 1_000 + millis;
    } catch (DateTimeException e) {
      return Long.MIN_VALUE;
    }
  }

  /** Offset in seconds for Z or ±HH:MM ending the text, else Integer.MIN_VALUE. */
  private static int offset(String t, int at) {
    int n = t.length();
    if (n == at + 1 && t.charAt(at) == 'Z') {
      return 0;
    }
    if (n != at + 6 || t.charAt(at + 3) != ':') {
      return Integer.MIN_VALUE;
    }
    char sign = t.charAt(at);
    int hours = digits(t, at + 1, 2);
    int minutes = digits(t, at + 4, 2);
    if ((sign != '+' && sign != '-')
        || hours < 0
        || minutes < 0
        || minutes > 59
        || hours * 60 + minutes > 18 * 60) {
      return Integer.MIN_VALUE;
    }
    int seconds = hours * 3_600 + minutes * 60;
    return sign == '-' ? -seconds : seconds;
  }

  private static int fractionMillis(String t, int start, int end) {
    int millis = 0;
    for (int i = start; i < start + 3; i++) {
      millis = millis * 10 + (i < end ? t.charAt(i) - '0' : 0);
    }
    return millis;
  }

  private static int digits(String t, int start, int count) {
    int value = 0;
    for (int i = start; i < start + count; i++) {
      char c = t.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
