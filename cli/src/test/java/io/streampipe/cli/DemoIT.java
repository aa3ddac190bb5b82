package io.streampipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * `streampipe demo`, small, as the README's first command runs it and with events from an API: real
 * Kafka, Cassandra and Spark, every event accounted for.
 */
class DemoIT {

  @Test
  void aSmallDemoAccountsForEveryEvent() {
    String out = accountedDemo(8, "-f", CliRunner.EXAMPLE.toString());

    assertThat(out)
        .contains("rows in spark_streams.created_users: ")
        .contains("TTL: table default 1200 s; a sample row has 11");
  }

  /**
   * The demo of examples/users-avro.yaml, the Avro example as it is: a local registry in place of
   * the one it names, wire-format records, and records broken in each way the job dead-letters (not
   * framed, unknown schema id, cut short), all accounted for.
   */
  @Test
  void theAvroExamplesDemoAccountsForEveryEvent() {
    String out = accountedDemo(11, "-f", example("users-avro.yaml").toString());

    assertThat(out)
        .contains("rows in spark_streams.users_avro: ")
        .contains("schema registry http://")
        .contains("records not in the wire format dead-lettered")
        .contains("unknown schema ids dead-lettered")
        .contains("corrupt Avro bytes dead-lettered");
  }

  /** API → ingester → Kafka → Spark → Cassandra: the ingester's edge is accounted too. */
  @Test
  void aSmallApiDemoAccountsForEveryRecord() {
    String out =
        accountedDemo(10, "--source", "api", "-f", example("users-from-api.yaml").toString());

    assertThat(out)
        .contains("rows in spark_streams.users_from_api: ")
        .contains("non-JSON bodies dead-lettered at the edge");
  }

  private static Path example(String name) {
    return Path.of(System.getProperty("streampipe.project.dir", ".."), "examples", name);
  }

  /**
   * Runs a demo of 2,000 events, 5% invalid and 5% repeated, from the given source; asserts that
   * all of its checks passed and returns its output.
   */
  private static String accountedDemo(int checks, String... source) {
    List<String> args = new ArrayList<>(List.of("demo"));
    args.addAll(List.of(source));
    args.addAll(
        List.of(
            "--events",
            "2000",
            "--rate",
            "2000",
            "--invalid-ratio",
            "0.05",
            "--duplicate-ratio",
            "0.05"));
    CliRunner.Result result = CliRunner.run(args.toArray(String[]::new));

    assertThat(result.code()).as(result.out() + result.err()).isZero();
    assertThat(result.out()).contains("every event is accounted for").doesNotContain("FAIL");
    assertThat(result.out().lines().filter(l -> l.startsWith("  ok    "))).hasSize(checks);
    return result.out();
  }
}
