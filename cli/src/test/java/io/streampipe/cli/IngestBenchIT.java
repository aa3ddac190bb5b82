package io.streampipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * `streampipe bench ingest` as the README runs it, small: every path measured against a real Kafka,
 * every record acknowledged. Its figures are for reading, not for asserting (cli/BENCHMARK.md).
 */
class IngestBenchIT {
  @Test
  void measuresEveryPathAgainstThePlainProducer() {
    Path pipeline =
        Path.of(System.getProperty("streampipe.project.dir", ".."), "examples/users-from-api.yaml");

    CliRunner.Result result =
        CliRunner.run(
            "bench", "ingest", "-f", pipeline.toString(), "--records", "3000", "--runs", "1");

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("3,000 records of ~")
        .containsPattern("plain KafkaProducer \\(ceiling\\) +[\\d,]+ records/s 1.00x")
        .containsPattern("ingester, HTTP pages of 100 +[\\d,]+ records/s \\d+\\.\\d\\dx")
        .containsPattern("ingester, WebSocket text frames +[\\d,]+ records/s")
        .containsPattern("ingester, WebSocket binary frames +[\\d,]+ records/s")
        .doesNotContain("sends failed");
  }
}
