package io.streampipe.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.api.PipelineDocument;
import io.streampipe.api.v1alpha1.WebSocketIngestSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.junit.jupiter.api.Test;

/** The WebSocket source against a real WebSocket server that closes each connection. */
class WebSocketIT {
  private static final String SUBSCRIBE = "{\"op\":\"subscribe\",\"args\":[\"trades\"]}";

  /**
   * Sends five messages of two trades after each subscribe, then closes the connection; in binary
   * frames (the message's UTF-8 bytes) when {@code binary}, else in text frames.
   */
  static final class TradeFeed extends LoopbackWebSocketServer {
    final List<String> subscribes = new CopyOnWriteArrayList<>();
    final AtomicInteger tradeId = new AtomicInteger();
    private final boolean binary;
    private final String venue;

    TradeFeed() {
      this(false, "");
    }

    /**
     * @param venue text put in every trade, to see it arrive byte for byte
     */
    TradeFeed(boolean binary, String venue) {
      this.binary = binary;
      this.venue = venue;
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
      subscribes.add(message);
      for (int i = 0; i < 5; i++) {
        String trades = "{\"data\":[" + trade() + "," + trade() + "]}";
        if (binary) {
          conn.send(trades.getBytes(StandardCharsets.UTF_8));
        } else {
          conn.send(trades);
        }
      }
      conn.close(1001, "going away");
    }

    private String trade() {
      int id = tradeId.incrementAndGet();
      return "{\"symbol\":\"BTC-USD\",\"trade_id\":"
          + id
          + ",\"price\":97000.5,\"quantity\":0.01,\"venue\":\""
          + venue
          + "\"}";
    }
  }

  @Test
  void aConnectionClosedByTheServerReconnectsAndSubscribesAgain() throws Exception {
    String topic = TestKafka.freshTopic("ws");
    TradeFeed feed = new TradeFeed();
    feed.begin();
    try {
      try (Ingester ingester = HttpPollingIT.start(trades(topic, feed, "1s"))) {
        var records = TestKafka.read(topic, 30, Duration.ofSeconds(60));

        assertThat(records).hasSizeGreaterThanOrEqualTo(30);
        assertThat(records.subList(0, 30)).extracting(r -> r.key()).containsOnly("BTC-USD");
        assertThat(records.get(29).value()).contains("\"trade_id\":30");
        assertThat(feed.subscribes.subList(0, 3)).containsOnly(SUBSCRIBE);
        assertThat(HttpPollingIT.scrape(ingester))
            .containsPattern("streampipe_ingest_reconnects_total\\{pipeline=\"[^\"]+\"} [1-9]");
      }
    } finally {
      feed.stop(1000);
    }
  }

  @Test
  void binaryAndLongTextMessagesArriveAsTheirUtf8Bytes() throws Exception {
    // Longer than the feed's first encoding buffer, and not ASCII: text is encoded back exactly.
    String venue = "Zürich €".repeat(10_000);
    for (boolean binary : new boolean[] {true, false}) {
      String topic = TestKafka.freshTopic(binary ? "wsbin" : "wstext");
      TradeFeed feed = new TradeFeed(binary, venue);
      feed.begin();
      try {
        try (Ingester ingester = HttpPollingIT.start(trades(topic, feed, null))) {
          var records = TestKafka.read(topic, 10, Duration.ofSeconds(60));

          assertThat(records).hasSizeGreaterThanOrEqualTo(10);
          assertThat(records.get(9).value())
              .startsWith("{\"symbol\":\"BTC-USD\",\"trade_id\":10,")
              .endsWith(",\"venue\":\"" + venue + "\"}");
        }
      } finally {
        feed.stop(1000);
      }
    }
  }

  @Test
  void aFeedThatFallsSilentAndAnswersNoPingIsDroppedAndConnectedAgain() throws Exception {
    String topic = TestKafka.freshTopic("wssilent");
    AtomicInteger connections = new AtomicInteger();
    LoopbackWebSocketServer silent =
        new LoopbackWebSocketServer() {
          @Override
          public void onOpen(WebSocket conn, ClientHandshake handshake) {
            connections.incrementAndGet();
          }

          @Override
          public void onWebsocketPing(WebSocket conn, Framedata ping) {
            // Silent: no pong, no message, the connection left open.
          }
        };
    silent.begin();
    try {
      PipelineDocument pipeline =
          TestPipelines.withIngest(
              topic,
              ingest -> {
                WebSocketIngestSpec ws = new WebSocketIngestSpec();
                ws.setUrl(silent.url("/quiet"));
                ws.setPingInterval("1s");
                ingest.setWebsocket(ws);
              });
      try (Ingester ingester = HttpPollingIT.start(pipeline)) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (connections.get() < 2 && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }

        // Dropped after two and a half silent ping intervals, then connected again.
        assertThat(connections.get()).isGreaterThanOrEqualTo(2);
        assertThat(HttpPollingIT.scrape(ingester))
            .containsPattern("streampipe_ingest_errors_total\\{[^}]*status=\"ping\"[^}]*} [1-9]");
      }
    } finally {
      silent.stop(1000);
    }
  }

  /**
   * The feed's trades, keyed by symbol, into {@code topic}; a null ping interval is the default.
   */
  private static PipelineDocument trades(String topic, TradeFeed feed, String pingInterval) {
    return TestPipelines.withIngest(
        topic,
        ingest -> {
          WebSocketIngestSpec ws = new WebSocketIngestSpec();
          ws.setUrl(feed.url("/trades"));
          ws.setSubscribe(SUBSCRIBE);
          ws.setPingInterval(pingInterval);
          ingest.setWebsocket(ws);
          ingest.setRecordsPath("/data");
          ingest.setKeyField("symbol");
        });
  }
}
