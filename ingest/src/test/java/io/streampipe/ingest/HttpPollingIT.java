package io.streampipe.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streampipe.api.PipelineDocument;
import io.streampipe.api.v1alpha1.CursorSpec;
import io.streampipe.api.v1alpha1.HttpIngestSpec;
import io.streampipe.api.validation.ValidPipeline;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The HTTP polling source against a real HTTP server and a real Kafka broker. */
class HttpPollingIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(60);

  static PipelineDocument polling(String topic, String url, CursorSpec cursor) {
    return TestPipelines.withIngest(
        topic,
        ingest -> {
          HttpIngestSpec http = new HttpIngestSpec();
          http.setUrl(url);
          http.setInterval("300ms");
          http.setTimeout("5s");
          http.setCursor(cursor);
          ingest.setHttp(http);
          ingest.setRecordsPath("/results");
          ingest.setKeyField("id");
          ingest.setMaxRecordBytes(65_536);
        });
  }

  static CursorSpec since() {
    CursorSpec cursor = new CursorSpec();
    cursor.setValuePath("/id");
    cursor.setParam("since");
    return cursor;
  }

  @Test
  void pagesWithACursorReadEveryRecordOnce() throws Exception {
    String topic = TestKafka.freshTopic("paged");
    try (PagedApi api = new PagedApi(100)) {
      api.addUsers(250);
      try (Ingester ingester = start(polling(topic, api.url(), since()))) {
        assertThat(TestKafka.read(topic, 250, WAIT)).hasSize(250);
        api.addUsers(50);
        List<ConsumerRecord<String, String>> records = TestKafka.read(topic, 300, WAIT);

        assertThat(ids(records)).containsExactlyElementsOf(range(1, 300));
        assertThat(records.get(299).key()).isEqualTo("300");
      }
      assertThat(api.seen().get(0).query()).isNull();
      assertThat(api.seen().get(1).query()).isEqualTo("since=100");
    }
  }

  @Test
  void aNextPageValueIsFollowedAndARestartResumesFromIt() throws Exception {
    String topic = TestKafka.freshTopic("next");
    CursorSpec next = new CursorSpec();
    next.setNextPath("/next");
    next.setParam("cursor");
    try (PagedApi api = new PagedApi(40)) {
      api.addUsers(100);
      PipelineDocument pipeline = polling(topic, api.url(), next);
      try (Ingester ingester = start(pipeline)) {
        assertThat(TestKafka.read(topic, 100, WAIT)).hasSize(100);
      }
      api.addUsers(20);
      int before = api.seen().size();
      try (Ingester again = start(pipeline)) {
        List<ConsumerRecord<String, String>> records = TestKafka.read(topic, 120, WAIT);

        assertThat(ids(records)).containsExactlyElementsOf(range(1, 120));
      }
      assertThat(api.seen().get(before).query())
          .as("the restart's first request")
          .isEqualTo("cursor=100");
    }
  }

  @Test
  void retryAfterOnA429IsWaitedFor() throws Exception {
    String topic = TestKafka.freshTopic("throttled");
    try (PagedApi api = new PagedApi(100)) {
      api.addUsers(10);
      api.queue(new PagedApi.Canned(429, Map.of("Retry-After", "2"), "slow down"));
      try (Ingester ingester = start(polling(topic, api.url(), since()))) {
        assertThat(TestKafka.read(topic, 10, WAIT)).hasSize(10);
      }
      List<PagedApi.Seen> seen = api.seen();
      long waitedMillis = (seen.get(1).nanos() - seen.get(0).nanos()) / 1_000_000;
      // Without Retry-After the back-off would retry after 100-200 ms.
      assertThat(waitedMillis).isBetween(1_900L, 3_000L);
    }
  }

  @Test
  void aServerDownFor20SecondsIsRetriedWithBackoffUntilItIsBack() throws Exception {
    String topic = TestKafka.freshTopic("down");
    try (PagedApi api = new PagedApi(100)) {
      api.addUsers(5);
      try (Ingester ingester = start(polling(topic, api.url(), since()))) {
        assertThat(TestKafka.read(topic, 5, WAIT)).hasSize(5);
        api.down();
        Thread.sleep(20_000);
        int requestsWhileDown = api.seen().size();
        api.addUsers(5);
        api.restart();

        assertThat(ids(TestKafka.read(topic, 10, WAIT))).containsExactlyElementsOf(range(1, 10));
        assertThat(ingester.isReady()).isTrue();
        assertThat(scrape(ingester)).contains("status=\"io\"");
        assertThat(requestsWhileDown).as("nothing answered while down").isGreaterThan(0);
      }
    }
  }

  @Test
  void notJsonOversizeAndKeylessRecordsAreDeadLetteredWithTheirReasons() throws Exception {
    String topic = TestKafka.freshTopic("edge");
    try (PagedApi api = new PagedApi(100)) {
      api.queue(new PagedApi.Canned(200, Map.of(), "<html>maintenance</html>"));
      api.addUsers(1);
      api.addRaw("{\"id\":\"2\",\"bio\":\"" + "x".repeat(70_000) + "\"}");
      api.addRaw("{\"email\":\"nokey@example.com\"}");
      // An API key in the query must not travel into the dead-letter topic.
      Ingester ingester = start(polling(topic, api.url() + "?api_key=s3cret", null));
      List<ConsumerRecord<String, String>> dead;
      try (ingester) {
        dead = TestKafka.read(topic + ".dlq", 3, WAIT);
        assertThat(TestKafka.read(topic, 1, WAIT)).isNotEmpty();
      }
      List<JsonNode> letters = dead.subList(0, 3).stream().map(HttpPollingIT::tree).toList();
      assertThat(letters)
          .extracting(l -> l.get("rule").asText())
          .containsExactly("ingest_not_json", "ingest_too_large", "ingest_missing_key");
      assertThat(letters)
          .allSatisfy(l -> assertThat(l.get("source").asText()).isEqualTo(api.url()));
      assertThat(dead).allSatisfy(d -> assertThat(d.value()).doesNotContain("s3cret"));
      assertThat(letters.get(0).get("payload").asText()).isEqualTo("<html>maintenance</html>");
      assertThat(letters.get(0).get("reason").asText()).isEqualTo("ingest_not_json");
      IngestMetrics.Totals totals = ingester.metrics().totals();
      assertThat(totals.received()).isEqualTo(totals.sent() + totals.deadLettered());
      assertThat(totals.failed()).isZero();
    }
  }

  static Ingester start(PipelineDocument pipeline) {
    return Ingester.start(
        ValidPipeline.of(pipeline), TestKafka.bootstrap(), OptionalInt.of(0), System::getenv);
  }

  static String scrape(Ingester ingester) throws Exception {
    var client = java.net.http.HttpClient.newHttpClient();
    var request =
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(
                    "http://127.0.0.1:" + ingester.metricsPort().getAsInt() + "/metrics"))
            .build();
    return client
        .send(
            request,
            java.net.http.HttpResponse.BodyHandlers.ofString(
                java.nio.charset.StandardCharsets.UTF_8))
        .body();
  }

  static List<String> ids(List<ConsumerRecord<String, String>> records) {
    return records.stream().map(r -> tree(r).get("id").asText()).toList();
  }

  static List<String> range(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(Integer::toString).toList();
  }

  private static JsonNode tree(ConsumerRecord<String, String> record) {
    try {
      return JSON.readTree(record.value());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + record.value(), e);
    }
  }
}
