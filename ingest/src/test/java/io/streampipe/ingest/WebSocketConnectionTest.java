package io.streampipe.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import javax.net.ssl.SSLSocketFactory;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Our WebSocket client against a real server (Java-WebSocket) doing what RFC 6455 allows. */
class WebSocketConnectionTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private Server server;

  /** Answers each text message from the client with what the test asks for. */
  static final class Server extends LoopbackWebSocketServer {
    final BlockingQueue<String> heard = new LinkedBlockingQueue<>();
    final BlockingQueue<String> headers = new LinkedBlockingQueue<>();
    private final BiConsumer<WebSocket, String> answer;

    Server(BiConsumer<WebSocket, String> answer) {
      this.answer = answer;
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
      headers.add(handshake.getFieldValue("Authorization"));
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
      heard.add(message);
      answer.accept(conn, message);
    }

    @Override
    public void onWebsocketPong(WebSocket conn, Framedata frame) {
      heard.add("pong");
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
      heard.add("close " + code);
    }
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (server != null) {
      server.stop(1000);
    }
  }

  @Test
  void aFragmentedMessageWithAPingBetweenItsFramesArrivesWholeAndThePingIsAnswered()
      throws Exception {
    byte[] first = "{\"a\":\"Zürich €".getBytes(StandardCharsets.UTF_8);
    byte[] second = "\"}".getBytes(StandardCharsets.UTF_8);
    try (WebSocketConnection connection =
        open(
            (conn, subscribe) -> {
              conn.sendFragmentedFrame(
                  org.java_websocket.enums.Opcode.TEXT, ByteBuffer.wrap(first), false);
              conn.sendPing();
              conn.sendFragmentedFrame(
                  org.java_websocket.enums.Opcode.TEXT, ByteBuffer.wrap(second), true);
            },
            Map.of("Authorization", "Bearer t0ken"))) {
      connection.sendText("subscribe");

      WebSocketConnection.Message message = next(connection);

      assertThat(text(message)).isEqualTo("{\"a\":\"Zürich €\"}");
      assertThat(message.text()).isTrue();
      assertThat(server.heard.poll(10, TimeUnit.SECONDS)).isEqualTo("subscribe");
      assertThat(server.heard.poll(10, TimeUnit.SECONDS)).isEqualTo("pong");
      assertThat(server.headers.poll(10, TimeUnit.SECONDS)).isEqualTo("Bearer t0ken");
    }
  }

  @Test
  void messagesOfEveryLengthEncodingArriveByteForByteBackToBack() throws Exception {
    int[] lengths = {0, 125, 126, 65_535, 65_536, 300_000};
    try (WebSocketConnection connection =
        open(
            (conn, subscribe) -> {
              for (int length : lengths) {
                conn.send(payload(length));
              }
            },
            Map.of())) {
      connection.sendText("go");
      for (int length : lengths) {
        WebSocketConnection.Message message = next(connection);

        assertThat(message.text()).isFalse();
        assertThat(
                Arrays.copyOfRange(
                    message.bytes(), message.offset(), message.offset() + message.length()))
            .isEqualTo(payload(length));
      }
    }
  }

  @Test
  void theServersCloseIsReportedWithItsCodeAndEchoed() throws Exception {
    try (WebSocketConnection connection =
        open((conn, subscribe) -> conn.close(4000, "maintenance"), Map.of())) {
      connection.sendText("hello");

      assertThatThrownBy(() -> next(connection))
          .isInstanceOf(WebSocketConnection.Closed.class)
          .hasMessage("4000 maintenance");
      assertThat(server.heard.poll(10, TimeUnit.SECONDS)).isEqualTo("hello");
      assertThat(server.heard.poll(10, TimeUnit.SECONDS)).isEqualTo("close 4000");
    }
  }

  @Test
  void anUpgradeTheServerRefusesNamesItsStatus() throws Exception {
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext(
        "/",
        exchange -> {
          exchange.sendResponseHeaders(403, -1);
          exchange.close();
        });
    http.start();
    try {
      URI uri = URI.create("ws://127.0.0.1:" + http.getAddress().getPort() + "/feed");

      assertThatThrownBy(() -> WebSocketConnection.open(uri, Map.of(), tls(), TIMEOUT, TIMEOUT))
          .isInstanceOf(WebSocketHandshake.Refused.class)
          .hasMessageContaining("answered 403");
    } finally {
      http.stop(0);
    }
  }

  @Test
  void headersTheClientWritesItselfAreRefused() {
    URI uri = URI.create("ws://127.0.0.1:1/feed");

    assertThatThrownBy(
            () -> new WebSocketHandshake().request(uri, Map.of("Sec-WebSocket-Key", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("set by the client");
  }

  private WebSocketConnection open(
      BiConsumer<WebSocket, String> answer, Map<String, String> headers) throws Exception {
    server = new Server(answer);
    server.begin();
    URI uri = URI.create(server.url("/feed"));
    return WebSocketConnection.open(uri, headers, tls(), TIMEOUT, Duration.ofMillis(100));
  }

  private static WebSocketConnection.Message next(WebSocketConnection connection) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      WebSocketConnection.Message message = connection.next();
      if (message != null) {
        return message;
      }
    }
    throw new AssertionError("no message in " + TIMEOUT);
  }

  private static String text(WebSocketConnection.Message message) {
    return new String(message.bytes(), message.offset(), message.length(), StandardCharsets.UTF_8);
  }

  private static byte[] payload(int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (i * 31 + length);
    }
    return bytes;
  }

  private static SSLSocketFactory tls() {
    return (SSLSocketFactory) SSLSocketFactory.getDefault();
  }
}
