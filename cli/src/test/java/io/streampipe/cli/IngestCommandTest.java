package io.streampipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IngestCommandTest {

  @Test
  void aPipelineWithoutIngestIsRefusedBeforeAnythingStarts() {
    CliRunner.Result result =
        CliRunner.run(
            "ingest", "-f", CliRunner.EXAMPLE.toString(), "--bootstrap-servers", "127.0.0.1:1");

    assertThat(result.code()).isNotZero();
    assertThat(result.err()).contains("pipeline users has no spec.ingest");
  }

  @Test
  void helpNamesTheThreeSourceKindsAndWhereSecretsComeFrom() {
    CliRunner.Result result = CliRunner.run("ingest", "--help");

    assertThat(result.code()).isZero();
    assertThat(result.out())
        .contains("HTTP polling")
        .contains("Server-Sent Events")
        .contains("WebSocket")
        .contains("STREAMPIPE_SECRET_<SECRET>_<KEY>");
  }
}
