package io.streampipe.operator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The operator benchmark's figures: each printed as it is measured ({@code BENCHMARK …} lines) and
 * kept in target/benchmark.md, a table to quote.
 */
final class BenchmarkFigures {
  private final StringBuilder table = new StringBuilder("| figure | value |\n|---|---|\n");

  void report(String what, String value) {
    System.out.printf("BENCHMARK %-56s %s%n", what, value);
    table.append("| ").append(what).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
  }

  void write(int pipelines) throws IOException {
    Path target = Files.createDirectories(Path.of("target"));
    Files.writeString(
        target.resolve("benchmark.md"),
        "# Operator benchmark: "
            + pipelines
            + " pipelines, "
            + Instant.now().truncatedTo(ChronoUnit.SECONDS)
            + "\n\n"
            + table,
        StandardCharsets.UTF_8);
  }
}
