package io.streampipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.testkit.LocalStack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `streampipe plan --live` against a real Kafka and Cassandra, before and after provisioning. */
class PlanLiveIT {
  private static LocalStack stack;
  private static String pipeline;
  @TempDir Path dir;

  @BeforeAll
  static void startServers() throws IOException {
    stack = LocalStack.shared();
    // Names of its own, so the shared servers' other tests do not change what this one reads.
    pipeline =
        Files.readString(CliRunner.EXAMPLE, StandardCharsets.UTF_8)
            .replace("name: users_created", "name: plan_live")
            .replace("name: spark_streams", "name: plan_ks")
            .replace("table: created_users", "table: plan_users");
  }

  @Test
  void planReadsTheTopicsAndTableAsTheyAre() throws IOException {
    CliRunner.Result fresh = plan(pipeline);
    assertThat(fresh.code()).as(fresh.err()).isZero();
    assertThat(fresh.out())
        .contains("topic plan_live: create with 3 partitions")
        .contains("cql: CREATE KEYSPACE IF NOT EXISTS \"plan_ks\"")
        .contains("cql: CREATE TABLE IF NOT EXISTS \"plan_ks\".\"plan_users\"");

    Path file = Files.writeString(dir.resolve("p.yaml"), pipeline, StandardCharsets.UTF_8);
    CliRunner.Result provisioned =
        CliRunner.run(
            "provision",
            "-f",
            file.toString(),
            "--bootstrap-servers",
            stack.kafka().bootstrapServers(),
            "--cassandra",
            stack.cassandra().contactPoint());
    assertThat(provisioned.code()).as(provisioned.err()).isZero();

    CliRunner.Result same = plan(pipeline);
    assertThat(same.code()).as(same.err()).isZero();
    assertThat(same.out()).startsWith("plan for users: NONE").doesNotContain("cql:", "create");

    CliRunner.Result grown =
        plan(
            pipeline
                .replace("partitions: 3", "partitions: 6")
                .replace(
                    "      - name: picture\n",
                    "      - name: nickname\n        type: text\n" + "      - name: picture\n"));
    assertThat(grown.code()).as(grown.err()).isZero();
    assertThat(grown.out())
        .startsWith("plan for users: IN_PLACE")
        .contains("topic plan_live: partitions 3 → 6")
        .contains("cql: ALTER TABLE \"plan_ks\".\"plan_users\" ADD \"nickname\" text");

    CliRunner.Result retyped =
        plan(pipeline.replace("name: phone\n        type: text", "name: phone\n        type: int"));
    assertThat(retyped.code()).isEqualTo(1);
    assertThat(retyped.out())
        .startsWith("plan for users: REFUSED, nothing would be applied")
        .contains("table: refused: column phone is text and cannot change to int");

    CliRunner.Result shrunk = plan(pipeline.replace("partitions: 3", "partitions: 2"));
    assertThat(shrunk.code()).isEqualTo(1);
    assertThat(shrunk.out()).contains("topic plan_live: refused: topic plan_live has 3 partitions");
  }

  private CliRunner.Result plan(String yaml) throws IOException {
    Path next = Files.writeString(dir.resolve("next.yaml"), yaml, StandardCharsets.UTF_8);
    return CliRunner.run(
        "plan",
        "-f",
        next.toString(),
        "--live",
        "--bootstrap-servers",
        stack.kafka().bootstrapServers(),
        "--cassandra",
        stack.cassandra().contactPoint());
  }
}
