package io.streampipe.operator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reliability scenario 5's figures, printed and written to target/reliability.md: the operator's
 * row of the suite's table (the data scenarios' rows are in reliability/target/reliability.md).
 */
final class OperatorKillsFigures {
  private OperatorKillsFigures() {}

  static void write(
      int pipelines,
      int deleted,
      int kills,
      long convergedMillis,
      long orphans,
      long duplicates,
      int readyTransitions,
      long flapsAfter)
      throws IOException {
    String table =
        "| scenario | pipelines (deleted) | kills -9 | converged after the last start |"
            + " orphans | duplicate parts | Ready transitions (after convergence) |\n"
            + "|---|---:|---:|---:|---:|---:|---|\n"
            + String.format(
                "| 5. operator killed mid-reconcile | %d (%d) | %d | %,d ms | %d | %d | %d (%d) |%n",
                pipelines,
                deleted,
                kills,
                convergedMillis,
                orphans,
                duplicates,
                readyTransitions,
                flapsAfter);
    System.out.println("\n== reliability figures (operator)\n" + table);
    Path target = Files.createDirectories(Path.of("target"));
    Files.writeString(
        target.resolve("reliability.md"),
        "# Reliability suite figures: the operator\n\n" + table,
        StandardCharsets.UTF_8);
  }
}
