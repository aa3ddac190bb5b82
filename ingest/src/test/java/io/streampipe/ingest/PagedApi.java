package io.streampipe.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A real HTTP server on loopback shaped like a random-user API: {@code results[]} of users with
 * rising ids, {@code ?since=<id>} for "after this one", and a {@code next} value for the next page.
 * Canned answers (a 429, a non-JSON body) can be queued before the normal ones.
 */
final class PagedApi implements AutoCloseable {
  /** One request as the server saw it. */
  record Seen(long nanos, String query, Map<String, List<String>> headers) {}

  /** A queued answer: status, headers, body. */
  record Canned(int status, Map<String, String> headers, String body) {}

  private final List<String> users = new CopyOnWriteArrayList<>();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<Canned> canned = new ConcurrentLinkedQueue<>();
  private final int pageSize;
  private HttpServer server;
  private int port;

  PagedApi(int pageSize) throws IOException {
    this.pageSize = pageSize;
    start(0);
  }

  /** Adds users with the next ids. */
  void addUsers(int count) {
    for (int i = 0; i < count; i++) {
      int id = users.size() + 1;
      users.add("{\"id\":\"" + id + "\",\"email\":\"user" + id + "@example.com\"}");
    }
  }

  /** Adds one raw element to results[] (it takes the next id's place). */
  void addRaw(String element) {
    users.add(element);
  }

  void queue(Canned answer) {
    canned.add(answer);
  }

  String url() {
    return "http://127.0.0.1:" + port + "/api/";
  }

  List<Seen> seen() {
    return List.copyOf(seen);
  }

  /** Stops answering: connections are refused until {@link #restart}. */
  void down() {
    server.stop(0);
  }

  void restart() throws IOException {
    start(port);
  }

  private void start(int onPort) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
    server.createContext("/api/", this::handle);
    server.start();
    port = server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    seen.add(new Seen(System.nanoTime(), query, Map.copyOf(exchange.getRequestHeaders())));
    Canned answer = canned.poll();
    if (answer == null) {
      answer = new Canned(200, Map.of("Content-Type", "application/json"), page(query));
    }
    answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private String page(String query) {
    int since = 0;
    for (String part : query == null ? new String[0] : query.split("&")) {
      if (part.startsWith("since=") || part.startsWith("cursor=")) {
        since = Integer.parseInt(part.substring(part.indexOf('=') + 1));
      }
    }
    List<String> page =
        new ArrayList<>(
            users.subList(Math.min(since, users.size()), Math.min(since + pageSize, users.size())));
    int next = since + page.size();
    return "{\"info\":{\"results\":"
        + page.size()
        + "},\"next\":\""
        + next
        + "\",\"results\":["
        + page.stream().collect(Collectors.joining(","))
        + "]}";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
