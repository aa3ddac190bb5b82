package io.streampipe.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the job's batch lines say ({@code batch=… read=… written=…}), summed over its logs. */
final class JobLogs {
  private static final String[] COUNTS = {
    " read=", " written=", " deduplicated=", " deadLettered="
  };

  private JobLogs() {}

  /** The job's own counts, summed over the batch lines of every log. */
  record Totals(long read, long written, long deduplicated, long deadLettered) {
    long valid() {
      return written + deduplicated;
    }
  }

  static Totals totals(List<Path> logs) {
    long[] sums = new long[COUNTS.length];
    for (Path log : logs) {
      for (String line : batchLines(log)) {
        for (int i = 0; i < COUNTS.length; i++) {
          sums[i] += number(line, COUNTS[i]);
        }
      }
    }
    return new Totals(sums[0], sums[1], sums[2], sums[3]);
  }

  /** Failed Cassandra writes tried again, as the batch lines report them (absent when none). */
  static long writeRetries(List<Path> logs) {
    long retries = 0;
    for (Path log : logs) {
      for (String line : batchLines(log)) {
        if (line.contains(" writeRetries=")) {
          retries += number(line, " writeRetries=");
        }
      }
    }
    return retries;
  }

  /** The lowest write concurrency a batch line reports; 0 when none reports one. */
  static long lowestWriteConcurrency(List<Path> logs) {
    return logs.stream()
        .flatMap(log -> batchLines(log).stream())
        .filter(line -> line.contains(" writeConcurrency="))
        .mapToLong(line -> number(line, " writeConcurrency="))
        .min()
        .orElse(0);
  }

  static List<String> batchLines(Path log) {
    return lines(log).stream()
        .filter(line -> line.contains(" batch=") && line.contains(" read="))
        .toList();
  }

  private static long number(String line, String name) {
    int at = line.indexOf(name) + name.length();
    int end = at;
    while (end < line.length() && Character.isDigit(line.charAt(end))) {
      end++;
    }
    return Long.parseLong(line.substring(at, end));
  }

  private static List<String> lines(Path log) {
    try {
      return Files.readAllLines(log, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      return List.of();
    }
  }
}
