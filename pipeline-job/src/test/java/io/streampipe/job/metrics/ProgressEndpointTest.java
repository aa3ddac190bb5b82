package io.streampipe.job.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.streampipe.api.JobContract;
import io.streampipe.api.v1alpha1.PipelineProgress;
import io.streampipe.job.validate.Rule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The progress report served beside /metrics on the metrics server, as the job starts it. */
class ProgressEndpointTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void batchesRatesAndLagAddUpInTheServedReport() throws Exception {
    ProgressReport report = new ProgressReport(OptionalLong.of(7));
    report.accept(new BatchStats(0, 10, 8, 1, Map.of(Rule.TYPE, 1L), 5));
    report.accept(new BatchStats(1, 5, 2, 0, Map.of(Rule.TYPE, 2L, Rule.MAX, 1L), 5));
    report.rates(12.5, 40);
    report.lag(3);
    JobMetrics metrics = new JobMetrics("p");
    try (HTTPServer server =
        HTTPServer.builder()
            .port(0)
            .registry(metrics.registry())
            .defaultHandler(new ProgressEndpoint(report))
            .buildAndStart()) {
      String base = "http://localhost:" + server.getPort();
      HttpResponse<String> progress = get(base + JobContract.PROGRESS_PATH);
      assertThat(progress.statusCode()).isEqualTo(200);
      assertThat(progress.headers().firstValue("Content-Type"))
          .contains("application/json; charset=utf-8");
      PipelineProgress p = new ObjectMapper().readValue(progress.body(), PipelineProgress.class);
      assertThat(p.getGeneration()).isEqualTo(7L);
      assertThat(p.getRead()).isEqualTo(15L);
      assertThat(p.getWritten()).isEqualTo(10L);
      assertThat(p.getDeduplicated()).isEqualTo(1L);
      assertThat(p.getDeadLettered()).isEqualTo(4L);
      assertThat(p.getDeadLettersByRule())
          .containsExactly(Map.entry("type", 3L), Map.entry("max", 1L));
      assertThat(p.getLastBatchId()).isEqualTo(1L);
      assertThat(p.getLastBatchTime()).isNotBlank();
      assertThat(p.getLag()).isEqualTo(3L);
      assertThat(p.getInputRate()).isEqualTo(12.5);
      assertThat(p.getProcessingRate()).isEqualTo(40.0);

      assertThat(get(base + "/metrics").body()).contains(JobMetrics.RECORDS_READ);
      assertThat(get(base + "/other").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void writeRetriesOfEveryBatchAddUp() {
    ProgressReport report = new ProgressReport(OptionalLong.empty());
    report.accept(new BatchStats(0, 10, 10, 0, Map.of(), 5, 3, 400, 64));
    report.accept(new BatchStats(1, 10, 10, 0, Map.of(), 5));
    report.accept(new BatchStats(2, 10, 10, 0, Map.of(), 5, 2, 250, 32));

    PipelineProgress p = report.snapshot();
    assertThat(p.getWriteRetries()).isEqualTo(5L);
    assertThat(p.getWriteRetryMillis()).isEqualTo(650L);
  }

  @Test
  void theWriteConcurrencyIsTheLastBatchThatWroteAnything() {
    ProgressReport report = new ProgressReport(OptionalLong.empty());
    assertThat(report.snapshot().getWriteConcurrency()).as("unknown before a write").isNull();
    report.accept(new BatchStats(0, 10, 10, 0, Map.of(), 5, 3, 400, 16));
    report.accept(new BatchStats(1, 0, 0, 0, Map.of(), 5, 0, 0, 0));
    assertThat(report.snapshot().getWriteConcurrency()).isEqualTo(16);
    report.accept(new BatchStats(2, 10, 10, 0, Map.of(), 5, 0, 0, 17));
    assertThat(report.snapshot().getWriteConcurrency()).isEqualTo(17);
  }

  @Test
  void beforeAnyBatchNothingIsClaimed() {
    PipelineProgress p = new ProgressReport(OptionalLong.empty()).snapshot();
    assertThat(p.getGeneration()).isNull();
    assertThat(p.getLag()).as("an unknown lag is absent, never zero").isNull();
    assertThat(p.getLastBatchId()).isNull();
    assertThat(p.getRead()).isZero();
  }

  @Test
  void theGenerationComesFromTheEnvironment() {
    assertThat(ProgressReport.generation(Map.of(JobContract.ENV_SPEC_GENERATION, "12")))
        .hasValue(12);
    assertThat(ProgressReport.generation(Map.of())).isEmpty();
    assertThat(ProgressReport.generation(Map.of(JobContract.ENV_SPEC_GENERATION, "x"))).isEmpty();
  }

  private static HttpResponse<String> get(String uri) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(uri)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
