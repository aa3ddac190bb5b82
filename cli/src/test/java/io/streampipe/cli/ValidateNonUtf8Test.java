package io.streampipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code streampipe validate} in a JVM whose default and console charsets are ASCII and with no
 * LANG, as in many containers: the user's non-ASCII text comes back intact.
 */
class ValidateNonUtf8Test {
  @TempDir Path dir;

  @Test
  void aNonAsciiPipelineIsValid() throws Exception {
    Path file = pipeline("table: created_users");

    Run run = validate(file);

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out().strip()).isEqualTo(file + ": pipeline users is valid");
  }

  @Test
  void problemsQuoteTheUsersTextIntact() throws Exception {
    Run run = validate(pipeline("table: nutzer_ä"));

    assertThat(run.code()).as(run.err()).isEqualTo(1);
    assertThat(run.out()).contains("spec.sink.cassandra.table: 'nutzer_ä' must start");
  }

  private Path pipeline(String table) throws Exception {
    String yaml =
        Files.readString(CliRunner.EXAMPLE, StandardCharsets.UTF_8)
            .replace("allowedValues: [male, female]", "allowedValues: [männlich, weiblich, \"日本\"]")
            .replace("table: created_users", table);
    assertThat(yaml).contains("männlich");
    Path file = dir.resolve("pipeline-" + Math.abs(table.hashCode()) + ".yaml");
    Files.write(file, yaml.getBytes(StandardCharsets.UTF_8));
    return file;
  }

  private Run validate(Path file) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=US-ASCII",
                "-Dsun.stdout.encoding=US-ASCII",
                "-Dsun.stderr.encoding=US-ASCII",
                "-cp",
                System.getProperty("java.class.path"),
                StreampipeMain.class.getName(),
                "validate",
                "-f",
                file.toString()));
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().keySet().removeIf(k -> k.equals("LANG") || k.startsWith("LC_"));
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("validate finished").isTrue();
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private record Run(int code, String out, String err) {}
}
