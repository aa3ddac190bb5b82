package io.streampipe.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The suite's figures: one row per scenario, printed and written to target/reliability.md. */
final class Figures {
  private static final List<String> ROWS = new ArrayList<>();
  private static final String HEADER =
      "| scenario | events produced | rows expected | rows found | rows missing or stale |"
          + " duplicates | dead letters expected | dead letters found (distinct) |"
          + " dead-letter repeats | recovery |\n"
          + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n";

  private Figures() {}

  /**
   * @param duplicates rows beyond the expected ids (Cassandra's key makes a second copy of a row
   *     impossible, so this counts rows that should not exist at all)
   * @param repeats dead letters sent more than once (at-least-once)
   */
  static synchronized void add(
      String scenario,
      long produced,
      long rowsExpected,
      long rowsFound,
      long missingOrStale,
      long duplicates,
      long deadLettersExpected,
      long deadLettersFound,
      long repeats,
      String recovery) {
    ROWS.add(
        String.format(
            "| %s | %,d | %,d | %,d | %,d | %,d | %,d | %,d | %,d | %s |%n",
            scenario,
            produced,
            rowsExpected,
            rowsFound,
            missingOrStale,
            duplicates,
            deadLettersExpected,
            deadLettersFound,
            repeats,
            recovery));
    String table = HEADER + String.join("", ROWS);
    System.out.println("\n== reliability figures\n" + table);
    try {
      Path target = Path.of("target");
      Files.createDirectories(target);
      Files.writeString(
          target.resolve("reliability.md"),
          "# Reliability suite figures\n\n" + table,
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
