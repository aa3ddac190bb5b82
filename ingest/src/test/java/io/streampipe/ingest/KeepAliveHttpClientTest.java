package io.streampipe.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.streampipe.ingest.HttpResponseReader.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The polling source's HTTP/1.1 client against the JDK's HTTP server on loopback. */
class KeepAliveHttpClientTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final String BIG = "ü€𝄞 record ".repeat(20_000);

  private HttpServer server;
  private final List<Integer> clientPorts = new CopyOnWriteArrayList<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final KeepAliveHttpClient client =
      new KeepAliveHttpClient((SSLSocketFactory) SSLSocketFactory.getDefault());

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    clientPorts.add(exchange.getRemoteAddress().getPort());
    String path = exchange.getRequestURI().getPath();
    byte[] posted = exchange.getRequestBody().readAllBytes();
    requests.add(
        exchange.getRequestMethod()
            + " "
            + exchange.getRequestURI()
            + " "
            + exchange.getRequestHeaders().getFirst("Authorization")
            + " "
            + new String(posted, UTF_8));
    switch (path) {
      case "/small" -> answer(exchange, 200, Map.of(), "{\"ok\":1}", false);
      case "/big" -> answer(exchange, 200, Map.of(), BIG, false);
      case "/chunked" -> answer(exchange, 200, Map.of(), BIG, true);
      case "/throttled" -> answer(exchange, 429, Map.of("Retry-After", "7"), "slow down", false);
      case "/moved" -> answer(exchange, 302, Map.of("Location", "/small?from=moved"), "", false);
      case "/other" -> answer(exchange, 303, Map.of("Location", "/small"), "", false);
      case "/slow" -> {
        sleep(1_500);
        answer(exchange, 200, Map.of(), "late", false);
      }
      default -> answer(exchange, 404, Map.of(), "", false);
    }
  }

  private static void answer(
      HttpExchange exchange, int status, Map<String, String> headers, String body, boolean chunked)
      throws IOException {
    headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    byte[] bytes = body.getBytes(UTF_8);
    exchange.sendResponseHeaders(status, chunked ? 0 : bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      // Several writes, so a chunked body arrives as several chunks.
      for (int from = 0; from < bytes.length; from += 10_000) {
        out.write(bytes, from, Math.min(10_000, bytes.length - from));
        out.flush();
      }
    }
  }

  private Response get(String path) throws IOException {
    return client.send("GET", uri(path), Map.of(), null, TIMEOUT);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private static String text(Response response) {
    return new String(response.body(), 0, response.length(), UTF_8);
  }

  @Test
  void contentLengthAndChunkedBodiesComeWholeOverOneKeptAliveConnection() throws IOException {
    assertThat(text(get("/small"))).isEqualTo("{\"ok\":1}");
    assertThat(text(get("/big"))).isEqualTo(BIG);
    assertThat(text(get("/chunked"))).isEqualTo(BIG);
    Response small = get("/small");

    assertThat(text(small)).isEqualTo("{\"ok\":1}");
    assertThat(small.status()).isEqualTo(200);
    assertThat(clientPorts).hasSize(4).containsOnly(clientPorts.get(0));
  }

  @Test
  void aConnectionTheServerClosedWhileIdleIsReplacedForTheNextGet() throws IOException {
    assertThat(text(get("/small"))).isEqualTo("{\"ok\":1}");
    int port = server.getAddress().getPort();
    server.stop(0);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/", this::handle);
    server.start();

    assertThat(text(get("/big"))).isEqualTo(BIG);
    assertThat(clientPorts).hasSize(2).doesNotHaveDuplicates();
  }

  @Test
  void aSlowServerHitsTheTimeoutAndTheNextRequestGetsAFreshConnection() throws IOException {
    long started = System.nanoTime();
    assertThatThrownBy(
            () -> client.send("GET", uri("/slow"), Map.of(), null, Duration.ofMillis(300)))
        .isInstanceOf(HttpTimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_200));

    assertThat(text(get("/small"))).isEqualTo("{\"ok\":1}");
  }

  @Test
  void aRequestAskedAheadIsAnsweredOnTheSameConnectionAndItsTimeoutStartsWhenItIsRead()
      throws Exception {
    assertThat(text(get("/small"))).isEqualTo("{\"ok\":1}");

    client.dispatch("GET", uri("/moved"), Map.of(), null, Duration.ofMillis(500));
    // The caller's own work (here 800 ms) is not counted against the request's 500 ms.
    Thread.sleep(800);
    Response response = client.receive();

    assertThat(text(response)).isEqualTo("{\"ok\":1}");
    assertThat(requests)
        .containsExactly("GET /small null ", "GET /moved null ", "GET /small?from=moved null ");
    assertThat(clientPorts).containsOnly(clientPorts.get(0));
    assertThatThrownBy(client::receive).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void retryAfterAndTheStatusReachTheCaller() throws IOException {
    Response throttled = get("/throttled");

    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.retryAfter()).isEqualTo("7");
    assertThat(text(throttled)).isEqualTo("slow down");
  }

  @Test
  void redirectsAreFollowedAndA303TurnsAPostIntoAGet() throws IOException {
    assertThat(text(get("/moved"))).isEqualTo("{\"ok\":1}");
    Response posted =
        client.send(
            "POST",
            uri("/other"),
            Map.of("Authorization", "Bearer t"),
            "{}".getBytes(UTF_8),
            TIMEOUT);

    assertThat(text(posted)).isEqualTo("{\"ok\":1}");
    assertThat(requests)
        .containsExactly(
            "GET /moved null ",
            "GET /small?from=moved null ",
            "POST /other Bearer t {}",
            "GET /small Bearer t ");
  }

  @Test
  void aHeaderWithALineBreakIsRefusedAndAClosedPortIsAnIoError() {
    assertThatThrownBy(
            () -> client.send("GET", uri("/small"), Map.of("X-A", "1\r\nX-B: 2"), null, TIMEOUT))
        .isInstanceOf(IllegalArgumentException.class);
    server.stop(0);

    assertThatThrownBy(() -> get("/small")).isInstanceOf(ConnectException.class);
  }

  @Test
  void anInterimAnswerIsSkippedAndABodyWithoutALengthEndsWithTheConnection() throws Exception {
    try (ServerSocket raw = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread answering =
          new Thread(
              () -> {
                try (Socket socket = raw.accept()) {
                  socket.getInputStream().read(new byte[4096]);
                  socket
                      .getOutputStream()
                      .write(
                          ("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.0 200 OK\r\nRetry-After: 3\r\n\r\n"
                                  + BIG)
                              .getBytes(UTF_8));
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      answering.start();
      Response response =
          client.send(
              "GET",
              URI.create("http://127.0.0.1:" + raw.getLocalPort() + "/"),
              Map.of(),
              null,
              TIMEOUT);
      answering.join();

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.close()).isTrue();
      assertThat(text(response)).isEqualTo(BIG);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
