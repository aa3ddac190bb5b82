package io.streampipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** `streampipe demo --source api`, small: API → ingester → Kafka → Spark → Cassandra, accounted. */
class ApiDemoIT {

  @Test
  void aSmallApiDemoAccountsForEveryRecord() {
    Path file =
        Path.of(System.getProperty("streampipe.project.dir", ".."), "examples/users-from-api.yaml");
    CliRunner.Result result =
        CliRunner.run(
            "demo",
            "--source",
            "api",
            "-f",
            file.toString(),
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
        .contains("rows in spark_streams.users_from_api: ")
        .contains("non-JSON bodies dead-lettered at the edge")
        .contains("every event is accounted for")
        .doesNotContain("FAIL");
    assertThat(result.out().lines().filter(l -> l.startsWith("  ok    "))).hasSize(10);
  }
}
