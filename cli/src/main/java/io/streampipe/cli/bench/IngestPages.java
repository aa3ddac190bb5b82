package io.streampipe.cli.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An HTTP server serving pre-built pages {@code {"results":[...],"next":"<n+1>"}} by {@code
 * ?page=n}; past the last page an empty one whose next does not move, so the ingester waits.
 */
final class IngestPages implements AutoCloseable {
  private final List<byte[]> pages = new ArrayList<>();
  private final byte[] end;
  private final HttpServer server;

  IngestPages(List<byte[]> records, int pageSize) throws IOException {
    int count = (records.size() + pageSize - 1) / pageSize;
    for (int p = 0; p < count; p++) {
      ByteArrayOutputStream page = new ByteArrayOutputStream();
      page.writeBytes("{\"results\":[".getBytes(StandardCharsets.UTF_8));
      for (int r = p * pageSize; r < Math.min(records.size(), (p + 1) * pageSize); r++) {
        if (r > p * pageSize) {
          page.write(',');
        }
        page.writeBytes(records.get(r));
      }
      page.writeBytes(("],\"next\":\"" + (p + 1) + "\"}").getBytes(StandardCharsets.UTF_8));
      pages.add(page.toByteArray());
    }
    end = ("{\"results\":[],\"next\":\"" + count + "\"}").getBytes(StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/pages", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/pages";
  }

  private void handle(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    int page = query == null ? 0 : Integer.parseInt(query.substring(query.indexOf('=') + 1));
    byte[] body = page < pages.size() ? pages.get(page) : end;
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
