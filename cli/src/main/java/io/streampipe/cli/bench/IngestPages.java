package io.streampipe.cli.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An HTTP/1.1 server serving pre-built pages {@code {"results":[...],"next":"<n+1>"}} by {@code
 * ?page=n} on kept-alive connections; past the last page an empty one whose next does not move, so
 * the ingester waits. Each response, headers and body, is built once before any run and written in
 * one call, so this server spends next to no CPU per record, as an API on another machine spends
 * none of the ingester's. (The JDK's HttpServer, used before, cost 1.3 us a record on the cores the
 * ingester was measured on.)
 */
final class IngestPages implements AutoCloseable {
  private final List<byte[]> responses = new ArrayList<>();
  private final byte[] end;
  private final LoopbackServer server;

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
      responses.add(response(page.toByteArray()));
    }
    end =
        response(("{\"results\":[],\"next\":\"" + count + "\"}").getBytes(StandardCharsets.UTF_8));
    server = new LoopbackServer("http", this::serve);
  }

  String url() {
    return "http://127.0.0.1:" + server.port() + "/pages";
  }

  private static byte[] response(byte[] body) {
    ByteArrayOutputStream response = new ByteArrayOutputStream(body.length + 100);
    response.writeBytes(
        ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    response.writeBytes(body);
    return response.toByteArray();
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      for (String target = requestTarget(in); target != null; target = requestTarget(in)) {
        int page = Integer.parseInt(target.substring(target.indexOf('=') + 1));
        out.write(page < responses.size() ? responses.get(page) : end);
      }
    } catch (IOException e) {
      // The client went away.
    }
  }

  /**
   * Reads one request's head (this server's client sends no body with a GET); its target, or null
   * when the connection ended. A target without a page asks for the first.
   */
  private static String requestTarget(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    for (int c = in.read(); c != -1; c = in.read()) {
      head.append((char) c);
      if (head.length() >= 4 && head.lastIndexOf("\r\n\r\n") == head.length() - 4) {
        String target = head.substring(head.indexOf(" ") + 1, head.indexOf(" HTTP/"));
        return target.contains("page=") ? target : target + "?page=0";
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
