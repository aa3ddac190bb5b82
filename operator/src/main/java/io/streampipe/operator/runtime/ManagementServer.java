package io.streampipe.operator.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one management port: startup, liveness and readiness probes and Prometheus metrics. */
public final class ManagementServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ManagementServer.class);
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
    server.createContext("/metrics", e -> metrics(e, registry));
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

  /** A failing scrape answers 500 and is logged, instead of a dropped connection. */
  private static void metrics(HttpExchange exchange, PrometheusMeterRegistry registry)
      throws IOException {
    String body;
    try {
      body = registry.scrape();
    } catch (RuntimeException | LinkageError e) {
      LOG.error("event=metrics_scrape_failed error={}", e.toString());
      respond(exchange, 500, "text/plain", "scrape failed: " + e + "\n");
      return;
    }
    respond(exchange, 200, "text/plain; version=0.0.4", body);
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
