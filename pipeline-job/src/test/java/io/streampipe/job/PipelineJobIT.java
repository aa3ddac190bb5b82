package io.streampipe.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.cql.Row;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streampipe.api.JobContract;
import io.streampipe.api.PipelineDocument;
import io.streampipe.api.cql.CqlStatements;
import io.streampipe.api.v1alpha1.PipelineProgress;
import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.job.metrics.BatchStats;
import io.streampipe.job.metrics.JobMetrics;
import io.streampipe.job.metrics.PipelineTotals;
import io.streampipe.job.plan.JobSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kafka → job → Cassandra and the dead-letter topic, on real servers, in this JVM. */
class PipelineJobIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path checkpoints;

  @Test
  void validRowsLandDuplicatesCollapseBadRecordsAreDeadLetteredAndMetricsTell() throws Exception {
    PipelineDocument document = ItStack.pipeline("e2e");
    String topic = document.spec().getSource().getTopic().getName();
    List<UUID> ids = new ArrayList<>();
    List<ProducerRecord<String, String>> records = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      ids.add(UUID.randomUUID());
      records.add(Events.record(ids.get(i), "First" + i));
    }
    // Repeats: the same key, so the same Kafka partition; the later one must win.
    for (int i = 0; i < 10; i++) {
      records.add(Events.record(ids.get(i), "Latest" + i));
    }
    List<Events.Bad> bad = Events.everyKindOfBad();
    bad.forEach(b -> records.add(b.record()));
    ItStack.produce(topic, records);

    List<BatchStats> batches = new CopyOnWriteArrayList<>();
    JobSettings settings = settings(document);
    try (RunningPipeline pipeline =
        PipelineJob.start(ItStack.spark(), ValidPipeline.of(document), settings)) {
      pipeline.addBatchListener(batches::add);
      ItStack.await(
          Duration.ofSeconds(90), "every record read", () -> pipeline.totals().read() >= 222);

      PipelineTotals totals = pipeline.totals();
      assertThat(totals.read()).isEqualTo(222);
      assertThat(totals.written()).isEqualTo(200);
      assertThat(totals.deduplicated()).isEqualTo(10);
      assertThat(totals.deadLettered()).isEqualTo(bad.size());
      assertThat(totals.written() + totals.deduplicated() + totals.deadLettered())
          .isEqualTo(totals.read());
      assertThat(batches).allMatch(BatchStats::balanced);

      assertRows(document, ids);
      assertDeadLetters(document, bad);
      assertMetrics(pipeline, bad.size());
    }
  }

  @Test
  void refusesToStartWithoutItsTable() {
    PipelineDocument document = ItStack.pipeline("notable");
    document.spec().getSink().getCassandra().setTable("does_not_exist");

    assertThatThrownBy(
            () ->
                PipelineJob.start(ItStack.spark(), ValidPipeline.of(document), settings(document)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("\"does_not_exist\" does not exist");
  }

  private JobSettings settings(PipelineDocument document) throws Exception {
    Path checkpoint = Files.createDirectories(checkpoints.resolve(document.name()));
    return JobSettings.resolve(ValidPipeline.of(document), java.util.Map.of())
        .withCheckpointLocation(checkpoint.toString())
        .withMetricsPort(0);
  }

  private static void assertRows(PipelineDocument document, List<UUID> ids) {
    assertThat(ItStack.countRows(document)).isEqualTo(200);
    var sink = document.spec().getSink().getCassandra();
    String table = CqlStatements.qualified(sink.getKeyspace().getName(), sink.getTable());
    Row repeated =
        ItStack.cql()
            .execute(
                "SELECT first_name, email, age, score, visits, active, registered_date, dob,"
                    + " gender, TTL(email) FROM "
                    + table
                    + " WHERE id = ?",
                ids.get(3))
            .one();
    assertThat(repeated.getString("first_name")).isEqualTo("Latest3");
    assertThat(repeated.getString("email")).isEqualTo("latest3@example.org");
    assertThat(repeated.getInt("age")).isEqualTo(36);
    assertThat(repeated.getDouble("score")).isEqualTo(2.5);
    assertThat(repeated.getLong("visits")).isEqualTo(7);
    assertThat(repeated.getBoolean("active")).isTrue();
    assertThat(repeated.getInstant("registered_date"))
        .isEqualTo(Instant.parse("2024-03-01T10:15:30.123Z"));
    assertThat(repeated.getLocalDate("dob")).isEqualTo(LocalDate.parse("1988-12-10"));
    assertThat(repeated.getString("gender")).isEqualTo("female");
    assertThat(repeated.getInt(9)).isPositive().isLessThanOrEqualTo(1200);
    Row plain =
        ItStack.cql()
            .execute("SELECT first_name FROM " + table + " WHERE id = ?", ids.get(150))
            .one();
    assertThat(plain.getString(0)).isEqualTo("First150");
  }

  private static void assertDeadLetters(PipelineDocument document, List<Events.Bad> bad)
      throws Exception {
    String topic = document.spec().getSource().getTopic().getName();
    List<ConsumerRecord<byte[], byte[]>> letters =
        ItStack.readAll(topic + ".dlq", bad.size(), Duration.ofSeconds(30));
    assertThat(letters).hasSize(bad.size());
    List<String> seen = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> letter : letters) {
      JsonNode json = JSON.readTree(letter.value());
      String key = ItStack.text(letter.key());
      String field = json.get("field").isNull() ? null : json.get("field").asText();
      assertThat(key).isEqualTo("bad-" + json.get("rule").asText() + "-" + field);
      assertThat(json.get("topic").asText()).isEqualTo(topic);
      assertThat(json.get("offset").asLong()).isNotNegative();
      assertThat(json.get("payload").asText()).isNotEmpty();
      assertThat(json.get("deadLetteredAt").asText()).isNotEmpty();
      seen.add(key);
    }
    assertThat(seen)
        .containsExactlyInAnyOrderElementsOf(
            bad.stream().map(b -> "bad-" + b.rule() + "-" + b.field()).toList());
  }

  private static void assertMetrics(RunningPipeline pipeline, int deadLettered) throws Exception {
    String uri = "http://localhost:" + pipeline.metricsPort().orElseThrow() + "/metrics";
    ItStack.await(
        Duration.ofSeconds(20),
        "rates in the metrics",
        () -> scrape(uri).contains(JobMetrics.INPUT_RATE + "{pipeline=\"e2e\"}"));
    String text = scrape(uri);
    assertThat(text)
        .contains(JobMetrics.RECORDS_READ + "{pipeline=\"e2e\"} 222.0")
        .contains(JobMetrics.RECORDS_WRITTEN + "{pipeline=\"e2e\"} 200.0")
        .contains(JobMetrics.RECORDS_DEDUPLICATED + "{pipeline=\"e2e\"} 10.0")
        .contains(JobMetrics.RECORDS_DEAD_LETTERED + "{pipeline=\"e2e\",rule=\"type\"} 4.0")
        .contains(JobMetrics.RECORDS_DEAD_LETTERED + "{pipeline=\"e2e\",rule=\"max\"} 1.0")
        .contains(JobMetrics.BATCH_DURATION + "_count{pipeline=\"e2e\"}")
        .contains(JobMetrics.PROCESSING_RATE + "{pipeline=\"e2e\"}")
        .contains(JobMetrics.KAFKA_LAG + "{pipeline=\"e2e\"} 0.0")
        .contains(JobMetrics.LAST_BATCH_TIMESTAMP + "{pipeline=\"e2e\"}");
    assertThat(deadLettered).isEqualTo(12);
    PipelineProgress progress =
        new ObjectMapper()
            .readValue(
                scrape(uri.replace(JobContract.METRICS_PATH, JobContract.PROGRESS_PATH)),
                PipelineProgress.class);
    assertThat(progress.getRead()).isEqualTo(222L);
    assertThat(progress.getWritten()).isEqualTo(200L);
    assertThat(progress.getDeduplicated()).isEqualTo(10L);
    assertThat(progress.getDeadLettered()).isEqualTo(12L);
    assertThat(progress.getDeadLettersByRule()).containsEntry("type", 4L).containsEntry("max", 1L);
    assertThat(progress.getLag()).isZero();
  }

  private static String scrape(String uri) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (Exception e) {
      return "";
    }
  }
}
