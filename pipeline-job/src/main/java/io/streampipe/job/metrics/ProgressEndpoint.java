package io.streampipe.job.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.streampipe.api.JobContract;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Serves the progress report as JSON at {@link JobContract#PROGRESS_PATH}, as the default handler
 * of the metrics server, so it shares /metrics' port; any other path is 404.
 */
public final class ProgressEndpoint implements HttpHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProgressReport report;

  public ProgressEndpoint(ProgressReport report) {
    this.report = report;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!JobContract.PROGRESS_PATH.equals(exchange.getRequestURI().getPath())) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      byte[] body = JSON.writeValueAsBytes(report.snapshot());
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
