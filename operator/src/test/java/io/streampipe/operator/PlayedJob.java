package io.streampipe.operator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.streampipe.api.JobContract;
import io.streampipe.api.v1alpha1.PipelineProgress;
import io.streampipe.operator.progress.ProgressEndpoints;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The job's side for operator ITs on a mock API server: one loopback progress endpoint answering,
 * for each SparkApplication the Spark operator's part set RUNNING, the generation it was rendered
 * with and a batch completed every 20 s, as a healthy job would. Any other application answers 503,
 * like a driver that is not up.
 */
final class PlayedJob implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long BATCH_MILLIS = 20_000;

  private final MockCluster cluster;
  private final HttpServer http;
  private final long started = System.currentTimeMillis();

  PlayedJob(MockCluster cluster) {
    this.cluster = cluster;
    try {
      http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    http.createContext(JobContract.PROGRESS_PATH + "/", this::answer);
    http.start();
  }

  /** Where the operator reads a pipeline's progress: this endpoint, by namespace and name. */
  ProgressEndpoints endpoints() {
    int port = http.getAddress().getPort();
    return p ->
        URI.create(
            "http://127.0.0.1:"
                + port
                + JobContract.PROGRESS_PATH
                + "/"
                + p.namespace()
                + "/"
                + p.name());
  }

  private void answer(HttpExchange exchange) throws IOException {
    String[] path = exchange.getRequestURI().getPath().split("/");
    Optional<PipelineProgress> progress =
        path.length == 4 ? progress(path[2], path[3]) : Optional.empty();
    byte[] body = progress.isPresent() ? JSON.writeValueAsBytes(progress.get()) : new byte[0];
    exchange.sendResponseHeaders(
        progress.isPresent() ? 200 : 503, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private Optional<PipelineProgress> progress(String namespace, String name) {
    GenericKubernetesResource app =
        cluster.sparkApplications().inNamespace(namespace).withName(name).get();
    if (app == null || !"RUNNING".equals(state(app))) {
      return Optional.empty();
    }
    PipelineProgress p = new PipelineProgress();
    p.setGeneration(generation(app));
    p.setLastBatchId((System.currentTimeMillis() - started) / BATCH_MILLIS);
    p.setLag(0L);
    p.setRead(0L);
    p.setWritten(0L);
    return Optional.of(p);
  }

  @SuppressWarnings("unchecked")
  private static String state(GenericKubernetesResource app) {
    Object status = app.getAdditionalProperties().get("status");
    if (!(status instanceof Map<?, ?> s) || !(s.get("applicationState") instanceof Map<?, ?> a)) {
      return null;
    }
    return (String) a.get("state");
  }

  /** The generation the operator rendered into the driver's environment. */
  @SuppressWarnings("unchecked")
  private static Long generation(GenericKubernetesResource app) {
    Map<String, Object> driver = (Map<String, Object>) MockCluster.spec(app).get("driver");
    for (Map<String, Object> env : (List<Map<String, Object>>) driver.get("env")) {
      if (JobContract.ENV_SPEC_GENERATION.equals(env.get("name"))) {
        return Long.valueOf((String) env.get("value"));
      }
    }
    return null;
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
