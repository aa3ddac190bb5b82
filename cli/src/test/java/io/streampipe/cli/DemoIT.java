package io.streampipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The README's first command, small: real Kafka, Cassandra and Spark, every event accounted for.
 */
class DemoIT {

  @Test
  void aSmallDemoAccountsForEveryEvent() {
    CliRunner.Result result =
        CliRunner.run(
            "demo",
            "-f",
            CliRunner.EXAMPLE.toString(),
            "--events",
            "2000",
            "--rate",
            "2000",
            "--invalid-ratio",
            "0.05",
            "--duplicate-ratio",
            "0.05");

    assertThat(result.code()).as(result.out() + result.err()).isZero();
    assertThat(result.out())
        .contains("rows in spark_streams.created_users: ")
        .contains("TTL: table default 1200 s; a sample row has 11")
        .contains("every event is accounted for")
        .doesNotContain("FAIL");
    assertThat(result.out().lines().filter(l -> l.startsWith("  ok    "))).hasSize(8);
  }
}
