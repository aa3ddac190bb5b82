package io.streampipe.operator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.streampipe.api.JobContract;
import io.streampipe.api.v1alpha1.PipelineProgress;
import io.streampipe.operator.progress.ProgressEndpoints;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A local HTTP server that answers as each pipeline's job does at its progress endpoint, at {@code
 * /<pipeline>/progress}: the driver Service's name resolves nowhere beside a mock API server. A
 * pipeline given no figures gets a 404, as an endpoint that is not there.
 */
final class ProgressEndpointServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final Map<String, PipelineProgress> served = new ConcurrentHashMap<>();

  ProgressEndpointServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String pipeline = exchange.getRequestURI().getPath().split("/")[1];
          PipelineProgress progress = served.get(pipeline);
          byte[] body = progress == null ? new byte[0] : JSON.writeValueAsBytes(progress);
          exchange.sendResponseHeaders(
              progress == null ? 404 : 200, body.length == 0 ? -1 : body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  /** Where the operator under test reads each pipeline's progress. */
  ProgressEndpoints endpoints() {
    return p ->
        URI.create(
            "http://127.0.0.1:"
                + server.getAddress().getPort()
                + "/"
                + p.name()
                + JobContract.PROGRESS_PATH);
  }

  /** The figures the pipeline's job reports from now on; null for no endpoint. */
  void serve(String pipeline, PipelineProgress progress) {
    if (progress == null) {
      served.remove(pipeline);
    } else {
      served.put(pipeline, progress);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
