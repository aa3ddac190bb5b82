package io.streampipe.operator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The jobs' side beside a mock API server, the one stand-in of every operator IT and the benchmark:
 * one loopback endpoint serving each pipeline's progress at {@code /progress/<namespace>/<name>}. A
 * pipeline whose SparkApplication the Spark operator's part set RUNNING answers with the generation
 * rendered into the application's environment, as the real job does from {@code
 * STREAMPIPE_SPEC_GENERATION}, and the counts its test {@link #report}s, or else those of a steady
 * job ({@link JobPace}); any other answers 503, like a driver that is not up. Applications are read
 * from a watch, so serving a thousand pipelines costs the API server nothing.
 */
final class PlayedJob implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SharedIndexInformer<GenericKubernetesResource> apps;
  private final HttpServer http;
  private final JobPace pace;
  private final Map<String, PipelineProgress> reported = new ConcurrentHashMap<>();
  private final Set<String> silent = ConcurrentHashMap.newKeySet();

  PlayedJob(MockCluster cluster, JobPace pace) {
    this.pace = pace;
    this.apps = cluster.sparkApplications().inAnyNamespace().inform();
    try {
      http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    http.createContext(JobContract.PROGRESS_PATH + "/", this::answer);
    http.start();
  }

  /** Where an operator in this JVM reads a pipeline's progress. */
  ProgressEndpoints endpoints() {
    return at(base());
  }

  /** This endpoint's address, for an operator in another JVM ({@link MockApiServerMain}). */
  String base() {
    return "http://127.0.0.1:" + http.getAddress().getPort();
  }

  /** The progress URLs of a played job at {@code base}, by namespace and name. */
  static ProgressEndpoints at(String base) {
    return p -> URI.create(base + JobContract.PROGRESS_PATH + "/" + p.namespace() + "/" + p.name());
  }

  /** The counts the pipeline's job reports from now on (its generation stays the rendered one). */
  void report(String namespace, String name, PipelineProgress counts) {
    reported.put(namespace + "/" + name, counts);
  }

  /** The pipeline's endpoint stops answering, as a driver that cannot be reached. */
  void silence(String namespace, String name) {
    silent.add(namespace + "/" + name);
  }

  private void answer(HttpExchange exchange) throws IOException {
    String[] path = exchange.getRequestURI().getPath().split("/");
    Optional<PipelineProgress> progress =
        path.length == 4 ? progress(path[2] + "/" + path[3]) : Optional.empty();
    byte[] body = progress.isPresent() ? JSON.writeValueAsBytes(progress.get()) : new byte[0];
    exchange.sendResponseHeaders(
        progress.isPresent() ? 200 : 503, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private Optional<PipelineProgress> progress(String key) {
    GenericKubernetesResource app = apps.getStore().getByKey(key);
    if (app == null || !"RUNNING".equals(state(app)) || silent.contains(key)) {
      return Optional.empty();
    }
    PipelineProgress counts = reported.get(key);
    PipelineProgress p = counts == null ? pace.now() : counts.figures();
    p.setGeneration(generation(app));
    return Optional.of(p);
  }

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
    apps.close();
  }
}
