package io.streampipe.operator.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/** The one management port: startup, liveness and readiness probes and Prometheus metrics. */
public final class ManagementServer implements AutoCloseable {
  private final HttpServer server;

  public ManagementServer(
      int port,
      PrometheusMeterRegistry registry,
      BooleanSupplier started,
      BooleanSupplier live,
      BooleanSupplier ready)
      throws IOException {
    server = HttpServer.create(new InetSocketAddress(port), 0);
    server.createContext("/startupz", e -> probe(e, started));
    server.createContext("/livez", e -> probe(e, live));
    server.createContext("/readyz", e -> probe(e, ready));
    server.createContext(
        "/metrics", e -> respond(e, 200, "text/plain; version=0.0.4", registry.scrape()));
  }

  public ManagementServer start() {
    server.start();
    return this;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void probe(HttpExchange exchange, BooleanSupplier check) throws IOException {
    boolean ok = check.getAsBoolean();
    respond(exchange, ok ? 200 : 503, "text/plain", ok ? "ok\n" : "not ok\n");
  }

  private static void respond(HttpExchange exchange, int code, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(1);
  }
}
