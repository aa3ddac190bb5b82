package io.streampipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `streampipe plan --against`: the class, the part-by-part plan and the exit code of a change. */
class PlanCommandTest {
  @TempDir Path dir;

  @Test
  void theSameFileIsNothingToDo() throws IOException {
    CliRunner.Result result = plan(example());

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).startsWith("plan for users: NONE").contains("job: keeps running");
  }

  @Test
  void aNewFieldAndMorePartitionsAreInPlace() throws IOException {
    String changed =
        example()
            .replace("partitions: 3", "partitions: 6")
            .replace(
                "      - name: picture\n",
                "      - name: nickname\n        type: text\n      - name: picture\n");

    CliRunner.Result result = plan(changed);

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out())
        .startsWith("plan for users: IN_PLACE")
        .contains("topic users_created: partitions 3 → 6")
        .contains("cql: ALTER TABLE \"spark_streams\".\"created_users\" ADD \"nickname\" text")
        .contains("job: restarts on the same checkpoint");
  }

  @Test
  void aRenamedTopicIsCheckpointBreakingUntilAResetTokenIsSet() throws IOException {
    String renamed = example().replace("name: users_created", "name: users_v2");

    CliRunner.Result withoutToken = plan(renamed);
    CliRunner.Result withToken =
        plan(renamed.replace("      size: 1Gi", "      size: 1Gi\n      resetToken: v2"));

    assertThat(withoutToken.code()).isEqualTo(2);
    assertThat(withoutToken.out())
        .startsWith("plan for users: CHECKPOINT_BREAKING, nothing would be applied")
        .contains("change source.topic.name: CHECKPOINT_BREAKING (users_created → users_v2")
        .contains("topic users_v2: create with 3 partitions")
        .contains("job: untouched: set processing.checkpoint.resetToken");
    assertThat(withToken.code()).isEqualTo(2);
    assertThat(withToken.out())
        .startsWith("plan for users: CHECKPOINT_BREAKING\n")
        .contains(
            "job: restarts on a fresh checkpoint (/var/lib/streampipe/checkpoint/reset-v2)"
                + " reading from earliest");
  }

  @Test
  void aChangedColumnTypeIsRefused() throws IOException {
    String changed =
        example().replace("name: phone\n        type: text", "name: phone\n        type: bigint");

    CliRunner.Result result = plan(changed);

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.out())
        .startsWith("plan for users: REFUSED, nothing would be applied")
        .contains("change schema.fields[phone].type: REFUSED (text → bigint")
        .contains("table: refused: column phone is text and cannot change to bigint")
        .contains("job: untouched: the change is refused");
  }

  @Test
  void anAvroSchemaChangeIsPlannedForTheSubjectAndARequiredFieldIsRefused() throws IOException {
    String avro =
        example()
            .replace(
                "  source:\n",
                "  source:\n    format: avro\n    registry:\n"
                    + "      url: http://registry:8080/apis/ccompat/v6\n");
    Path applied = Files.writeString(dir.resolve("applied.yaml"), avro, StandardCharsets.UTF_8);
    String field = "      - name: picture\n";

    CliRunner.Result optional =
        plan(avro.replace(field, "      - name: nickname\n        type: text\n" + field), applied);
    CliRunner.Result required =
        plan(
            avro.replace(
                field, "      - name: age\n        type: int\n        required: true\n" + field),
            applied);

    assertThat(optional.code()).as(optional.err()).isZero();
    assertThat(optional.out())
        .startsWith("plan for users: IN_PLACE")
        .contains(
            "registry subject users_created-value: register a new version, compatible with the"
                + " applied schema");
    assertThat(required.code()).isEqualTo(1);
    assertThat(required.out())
        .startsWith("plan for users: REFUSED, nothing would be applied")
        .contains(
            "registry subject users_created-value: refused against the applied schema: field age:"
                + " a required field without a default cannot be added under BACKWARD");
  }

  @Test
  void anInvalidFileExitsOne() throws IOException {
    CliRunner.Result result =
        plan(example().replace("maxOffsetsPerTrigger: 1000", "maxOffsetsPerTrigger: 0"));

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err()).contains("spec.source.maxOffsetsPerTrigger");
  }

  private CliRunner.Result plan(String yaml) throws IOException {
    return plan(yaml, CliRunner.EXAMPLE);
  }

  private CliRunner.Result plan(String yaml, Path against) throws IOException {
    Path next = Files.writeString(dir.resolve("next.yaml"), yaml, StandardCharsets.UTF_8);
    return CliRunner.run("plan", "-f", next.toString(), "--against", against.toString());
  }

  private static String example() throws IOException {
    return Files.readString(CliRunner.EXAMPLE, StandardCharsets.UTF_8);
  }
}
