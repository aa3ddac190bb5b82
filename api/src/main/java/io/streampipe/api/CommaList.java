package io.streampipe.api;

import java.util.Arrays;
import java.util.List;

/** Comma-separated settings ({@code a:9092, b:9092}): the one splitter of them. */
public final class CommaList {
  private CommaList() {}

  /** The trimmed, non-empty items; empty for null or blank text. */
  public static List<String> split(String commaSeparated) {
    if (commaSeparated == null) {
      return List.of();
    }
    return Arrays.stream(commaSeparated.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
