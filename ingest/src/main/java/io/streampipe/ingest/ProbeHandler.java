package io.streampipe.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.streampipe.api.IngestContract;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * The probes beside /metrics: {@code /live} while the process serves, {@code /ready} once the
 * source has reached its API.
 */
final class ProbeHandler implements HttpHandler {
  static final String LIVE = IngestContract.LIVE_PATH;
  static final String READY = IngestContract.READY_PATH;

  private final BooleanSupplier ready;

  ProbeHandler(BooleanSupplier ready) {
    this.ready = ready;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    int status;
    String body;
    if (path.equals(LIVE)) {
      status = 200;
      body = "live\n";
    } else if (path.equals(READY)) {
      boolean isReady = ready.getAsBoolean();
      status = isReady ? 200 : 503;
      body = isReady ? "ready\n" : "not ready: the API has not answered yet\n";
    } else {
      status = 404;
      body = "not found\n";
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
