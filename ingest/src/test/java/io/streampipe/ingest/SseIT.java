package io.streampipe.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.streampipe.api.PipelineDocument;
import io.streampipe.api.v1alpha1.SseIngestSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SSE source against a real event-stream endpoint that drops the connection mid-stream. */
class SseIT {
  private static final int EVENTS = 120;
  private static final int DROP_AFTER = 50;

  private final List<String> lastEventIds = new CopyOnWriteArrayList<>();
  private final ExecutorService handlers = Executors.newCachedThreadPool();
  private HttpServer server;

  @BeforeEach
  void serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/stream", this::stream);
    // A thread per stream: a finished stream stays open (asleep) while the next one is served.
    server.setExecutor(handlers);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    handlers.shutdownNow();
  }

  @Test
  void aRestartedIngesterResumesFromTheSavedLastEventId() throws Exception {
    String topic = TestKafka.freshTopic("sse_restart");
    PipelineDocument pipeline = pipeline(topic);
    try (Ingester first = HttpPollingIT.start(pipeline)) {
      assertThat(TestKafka.read(topic, EVENTS, Duration.ofSeconds(60))).hasSize(EVENTS);
    }
    try (Ingester second = HttpPollingIT.start(pipeline)) {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (lastEventIds.size() < 3 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
    }

    assertThat(lastEventIds).hasSize(3);
    assertThat(lastEventIds.get(2)).as("after the restart").isEqualTo(Integer.toString(EVENTS));
    assertThat(TestKafka.read(topic, EVENTS + 1, Duration.ofSeconds(3))).hasSize(EVENTS);
  }

  private PipelineDocument pipeline(String topic) {
    return TestPipelines.withIngest(
        topic,
        ingest -> {
          SseIngestSpec sse = new SseIngestSpec();
          sse.setUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/stream");
          sse.setEvents(List.of("user"));
          ingest.setSse(sse);
          ingest.setKeyField("id");
        });
  }

  @Test
  void aDroppedStreamResumesFromTheLastEventIdWithNoGap() throws Exception {
    String topic = TestKafka.freshTopic("sse");
    PipelineDocument pipeline = pipeline(topic);
    try (Ingester ingester = HttpPollingIT.start(pipeline)) {
      var records = TestKafka.read(topic, EVENTS, Duration.ofSeconds(60));

      assertThat(HttpPollingIT.ids(records))
          .containsExactlyElementsOf(HttpPollingIT.range(1, EVENTS));
      assertThat(HttpPollingIT.scrape(ingester)).contains("streampipe_ingest_reconnects_total");
    }
    assertThat(lastEventIds.get(0)).as("the first connection").isEmpty();
    assertThat(lastEventIds.get(1)).as("the reconnect").isEqualTo(Integer.toString(DROP_AFTER));
  }

  /** Events from after Last-Event-ID, a heartbeat between users; the first connection breaks. */
  private void stream(HttpExchange exchange) throws IOException {
    String last = exchange.getRequestHeaders().getFirst("Last-Event-ID");
    lastEventIds.add(last == null ? "" : last);
    int from = last == null ? 1 : Integer.parseInt(last) + 1;
    boolean first = lastEventIds.size() == 1;
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    out.write(": a comment line\n\n".getBytes(StandardCharsets.UTF_8));
    for (int id = from; id <= EVENTS; id++) {
      String event =
          "event: user\nid: "
              + id
              + "\ndata: {\"id\":\""
              + id
              + "\",\n"
              + "data: \"email\":\"é"
              + id
              + "@example.com\"}\n\n"
              + "event: heartbeat\ndata: {}\n\n";
      out.write(event.getBytes(StandardCharsets.UTF_8));
      out.flush();
      if (first && id == DROP_AFTER) {
        // Mid-stream, without ending the chunked body: the client sees a broken connection.
        exchange.close();
        return;
      }
    }
    try {
      Thread.sleep(60_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    exchange.close();
  }
}
