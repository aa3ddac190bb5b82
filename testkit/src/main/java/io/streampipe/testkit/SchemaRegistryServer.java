package io.streampipe.testkit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Apicurio Registry (in-memory H2 storage) in its own JVM, serving the Confluent-compatible
 * schema registry API at {@link #url()}.
 */
public final class SchemaRegistryServer extends ForkedServer {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final String CONFLUENT_API = "/apis/ccompat/v6";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private volatile int port;

  public SchemaRegistryServer() {
    super("schema-registry", START_TIMEOUT);
  }

  @Override
  public SchemaRegistryServer start() {
    startFork();
    return this;
  }

  /** The base URL of the Confluent-compatible API, as a pipeline's {@code registry.url}. */
  public String url() {
    return "http://" + FreePorts.HOST + ":" + port() + CONFLUENT_API;
  }

  public int port() {
    if (port == 0) {
      throw new IllegalStateException("schema-registry is not started");
    }
    return port;
  }

  /** Registers {@code schema} (Avro JSON) under {@code subject}; returns the id it is known by. */
  public int register(String subject, String schema) throws Exception {
    String escaped = schema.replace("\\", "\\\\").replace("\"", "\\\"");
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url() + "/subjects/" + subject + "/versions"))
            .header("Content-Type", "application/vnd.schemaregistry.v1+json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"schema\":\"" + escaped + "\"}", StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> response =
        http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() != 200) {
      throw new IllegalStateException("registering under " + subject + ": " + response.body());
    }
    return Integer.parseInt(response.body().replaceAll("\\D", ""));
  }

  @Override
  Process launch(Path dir) throws Exception {
    port = FreePorts.allocate(1)[0];
    return fork(
        javaCommand(
            jvmOptions(port),
            ServerClasspath.load("schema-registry"),
            "io.quarkus.runner.GeneratedMain"));
  }

  @Override
  boolean isReady() throws Exception {
    HttpRequest ready =
        HttpRequest.newBuilder(
                URI.create("http://" + FreePorts.HOST + ":" + port + "/health/ready"))
            .timeout(Duration.ofSeconds(5))
            .build();
    return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
  }

  @Override
  public void stop() {
    super.stop();
    port = 0;
  }

  private static List<String> jvmOptions(int port) {
    // The marker lets `pgrep -f streampipe.testkit` find a fork that outlived its test JVM.
    return List.of(
        "-Dstreampipe.testkit=schema-registry",
        "-Xms64m",
        "-Xmx256m",
        "-XX:+UseSerialGC",
        "-XX:+ExitOnOutOfMemoryError",
        "-Dquarkus.http.host=" + FreePorts.HOST,
        "-Dquarkus.http.port=" + port);
  }
}
