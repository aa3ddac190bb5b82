package io.streampipe.cli.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.streampipe.cli.produce.EventKind;
import io.streampipe.cli.produce.GeneratedEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A local HTTP service shaped like the random-user API the tutorial polled: each GET returns the
 * next {@code results} users as {@code {"results":[...],"info":{...}}}, until {@code total} were
 * served. A deliberately broken event is served alone as the whole body, like an API answering 200
 * with an error page: the ingester dead-letters it at the edge.
 */
public final class UserApiServer implements AutoCloseable {
  private static final int DEFAULT_PAGE = 100;

  private final HttpServer server;
  private final Supplier<GeneratedEvent> events;
  private final long total;
  private long served;
  private int page;
  private GeneratedEvent heldBack;

  public UserApiServer(Supplier<GeneratedEvent> events, long total) throws IOException {
    this.events = events;
    this.total = total;
    // The JDK server's default executor handles one exchange at a time: pages stay in order.
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/", this::handle);
    server.start();
  }

  /** The URL to poll, asking for pages of 100. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/?results=" + DEFAULT_PAGE;
  }

  public synchronized long served() {
    return served;
  }

  public synchronized boolean exhausted() {
    return served >= total;
  }

  private synchronized void handle(HttpExchange exchange) throws IOException {
    String body = nextBody(pageSize(exchange.getRequestURI().getRawQuery()));
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private String nextBody(int size) {
    List<String> results = new ArrayList<>();
    while (results.size() < size && served < total) {
      GeneratedEvent event = heldBack != null ? heldBack : events.get();
      heldBack = null;
      if (event.kind() == EventKind.MALFORMED_JSON) {
        if (!results.isEmpty()) {
          heldBack = event;
          break;
        }
        served++;
        return event.value();
      }
      results.add(event.value());
      served++;
    }
    page++;
    return "{\"results\":["
        + String.join(",", results)
        + "],\"info\":{\"seed\":\"streampipe\",\"results\":"
        + results.size()
        + ",\"page\":"
        + page
        + ",\"version\":\"1.4\"}}";
  }

  private static int pageSize(String query) {
    for (String part : query == null ? new String[0] : query.split("&")) {
      if (part.startsWith("results=")) {
        try {
          return Math.max(1, Math.min(5_000, Integer.parseInt(part.substring(8))));
        } catch (NumberFormatException e) {
          return DEFAULT_PAGE;
        }
      }
    }
    return DEFAULT_PAGE;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
