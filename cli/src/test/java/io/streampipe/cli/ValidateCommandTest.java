package io.streampipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  private static final Path EXAMPLE = CliRunner.EXAMPLE;

  @TempDir Path dir;

  @Test
  void theExampleIsValid() {
    CliRunner.Result result = run("validate", "-f", EXAMPLE.toString());

    assertThat(result.code()).isZero();
    assertThat(result.out().strip()).isEqualTo(EXAMPLE + ": pipeline users is valid");
  }

  @Test
  void everyProblemGetsItsOwnLineAndExitOne() throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(
        bad,
        Files.readString(EXAMPLE)
            .replace("table: created_users", "table: \"created_users; DROP KEYSPACE system\"")
            .replace("ttl: 20m", "ttl: 20 minutes")
            .replace("type: uuid", "type: guid"));

    CliRunner.Result result = run("validate", "-f", bad.toString());

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.out().lines())
        .containsExactlyInAnyOrder(
            "spec.schema.fields[0].type: unknown type 'guid'; use one of text, uuid, int, bigint, double, boolean, timestamp, date",
            "spec.sink.cassandra.table: 'created_users; DROP KEYSPACE system' must start with a letter and contain only letters, digits or _ (at most 48 characters)",
            "spec.sink.cassandra.ttl: must be 0 or a whole number of seconds up to 20 years, written like 20m, 12h or 7d");
  }

  @Test
  void aMissingFileIsOneClearLine() {
    CliRunner.Result result = run("validate", "-f", dir.resolve("nope.yaml").toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err().strip())
        .isEqualTo("error: " + dir.resolve("nope.yaml") + ": no such file");
  }

  @Test
  void badYamlIsOneClearLine() throws IOException {
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(broken, "apiVersion: streampipe.io/v1alpha1\nkind: [unclosed\n");

    CliRunner.Result result = run("validate", "-f", broken.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).startsWith("error: " + broken + ":").contains("bad YAML");
  }

  @Test
  void everyCommandHasHelp() {
    for (String name : new String[] {"demo", "run", "provision", "produce", "validate", "bench"}) {
      CliRunner.Result result = run(name, "--help");
      assertThat(result.code()).as(name).isZero();
      assertThat(result.out()).as(name).contains("Usage: streampipe " + name);
    }
  }

  private static CliRunner.Result run(String... args) {
    return CliRunner.run(args);
  }
}
