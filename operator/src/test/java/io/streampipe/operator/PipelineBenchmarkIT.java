package io.streampipe.operator;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streampipe.operator.runtime.PipelineOperator;
import io.streampipe.provisioning.InMemorySchemaProvisioner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * 1,000 pipelines against the mock API server; prints figures, asserts nothing about time. The
 * schema dependent uses provisioning's InMemorySchemaProvisioner (same decisions and plans as the
 * CQL one, no network). Run: ./mvnw -pl operator -Pbenchmark verify
 */
@EnabledIfSystemProperty(named = "streampipe.benchmark", matches = "true")
class PipelineBenchmarkIT {
  static final int PIPELINES = Integer.getInteger("streampipe.benchmark.pipelines", 1000);
  static final String NS = "bench";
  static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
  static final String PLAYER = "benchmark-player";

  @Test
  void thousandPipelines() throws Exception {
    // The mock server logs every request at INFO: that would measure the console, not us.
    java.util.logging.Logger.getLogger("io.fabric8.mockwebserver")
        .setLevel(java.util.logging.Level.WARNING);
    KubernetesMockServer server =
        new KubernetesMockServer(
            new io.fabric8.mockwebserver.Context(),
            new io.fabric8.mockwebserver.MockWebServer(),
            new java.util.HashMap<>(),
            new io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher(),
            false);
    server.init();
    KubernetesClient operatorClient = server.createClient();
    KubernetesClient player = server.createClient(b -> b.withConfig(withAgent(server)));
    MockCluster cluster = new MockCluster(player).loadCrds();
    OperatorConfig config =
        OperatorConfig.fromEnv(Map.of("STREAMPIPE_RECONCILE_CONCURRENCY", "20"));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    InMemorySchemaProvisioner cassandra = new InMemorySchemaProvisioner();
    Operator operator = start(operatorClient, config, cassandra, registry);
    drain(server);
    WRITTEN.clear();

    long started = System.nanoTime();
    for (int i = 0; i < PIPELINES; i++) {
      StreamingPipeline p = TestPipelines.users(NS, "p" + i);
      p.getSpec().getSource().getTopic().setName("topic_" + i);
      p.getSpec().getSink().getCassandra().setTable("t" + i);
      player.resource(p).create();
    }
    long operatorWrites = 0;
    int ready = 0;
    while (ready < PIPELINES && seconds(started) < 600) {
      playStrimziAndSpark(player, cluster);
      operatorWrites += drain(server);
      ready = countReady(player);
    }
    double converge = seconds(started);
    double reconciles = count(registry);
    operatorWrites += drain(server);
    System.gc();
    long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    report("converged pipelines", ready + " / " + PIPELINES);
    report("time to converge (s)", String.format("%.1f", converge));
    report("reconciles", String.format("%.0f (%.1f/s)", reconciles, reconciles / converge));
    report(
        "operator API writes per pipeline",
        String.format("%.2f %s", (double) operatorWrites / PIPELINES, WRITTEN));
    report("heap used after GC (MiB, operator + mock server + player)", String.valueOf(heap >> 20));
    report("process RSS (MiB, same JVM)", rssMib());

    // A resync with nothing changed: a fresh operator lists and reconciles every pipeline.
    operator.stop();
    drain(server);
    SimpleMeterRegistry second = new SimpleMeterRegistry();
    Operator again = start(operatorClient, config, cassandra, second);
    long resync = System.nanoTime();
    while (count(second) < PIPELINES && seconds(resync) < 300) {
      Thread.sleep(500);
    }
    Thread.sleep(3000);
    report("resync reconciles", String.format("%.0f in %.1f s", count(second), seconds(resync)));
    WRITTEN.clear();
    report("resync operator API writes", String.valueOf(drain(server)) + " " + WRITTEN);
    again.stop();
    server.destroy();
  }

  private static Operator start(
      KubernetesClient client,
      OperatorConfig config,
      InMemorySchemaProvisioner cassandra,
      SimpleMeterRegistry registry) {
    Operator operator =
        PipelineOperator.create(
            client,
            config,
            c -> cassandra,
            MicrometerMetrics.withoutPerResourceMetrics(registry),
            false);
    operator.start();
    return operator;
  }

  private static void playStrimziAndSpark(KubernetesClient player, MockCluster cluster) {
    for (GenericKubernetesResource topic : cluster.topics().inNamespace(NS).list().getItems()) {
      if (topic.getAdditionalProperties().get("status") == null) {
        topic.setAdditionalProperty(
            "status",
            Map.of(
                "observedGeneration", topic.getMetadata().getGeneration(),
                "conditions", java.util.List.of(Map.of("type", "Ready", "status", "True"))));
        cluster.topics().inNamespace(NS).resource(topic).updateStatus();
      }
    }
    for (GenericKubernetesResource app :
        cluster.sparkApplications().inNamespace(NS).list().getItems()) {
      if (app.getAdditionalProperties().get("status") == null) {
        app.setAdditionalProperty("status", Map.of("applicationState", Map.of("state", "RUNNING")));
        cluster.sparkApplications().inNamespace(NS).resource(app).updateStatus();
      }
    }
  }

  private static int countReady(KubernetesClient client) {
    return (int)
        client.resources(StreamingPipeline.class).inNamespace(NS).list().getItems().stream()
            .filter(p -> p.getStatus() != null)
            .filter(
                p ->
                    p.getStatus().getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())))
            .count();
  }

  /** Takes the recorded requests and counts the operator's writes among them. */
  static final Map<String, Integer> WRITTEN = new java.util.TreeMap<>();

  private static long drain(KubernetesMockServer server) throws InterruptedException {
    long writes = 0;
    RecordedRequest request;
    while ((request = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
      String agent = request.getHeader("User-Agent");
      if (WRITES.contains(request.getMethod()) && (agent == null || !agent.contains(PLAYER))) {
        writes++;
        WRITTEN.merge(request.getMethod() + " " + kind(request.getPath()), 1, Integer::sum);
      }
    }
    return writes;
  }

  /** plural[/subresource] of a namespaced path, e.g. streamingpipelines/status. */
  private static String kind(String path) {
    String[] parts = path.replaceAll("\\?.*", "").split("/");
    for (int i = 0; i < parts.length - 2; i++) {
      if (parts[i].equals("namespaces")) {
        return parts[i + 2] + (parts.length > i + 4 ? "/" + parts[i + 4] : "");
      }
    }
    return path;
  }

  private static double count(SimpleMeterRegistry registry) {
    return registry.getMeters().stream()
        .filter(m -> m instanceof Counter)
        .filter(m -> m.getId().getName().equals("operator.sdk.reconciliations.started"))
        .mapToDouble(m -> ((Counter) m).count())
        .sum();
  }

  private static io.fabric8.kubernetes.client.Config withAgent(KubernetesMockServer server) {
    io.fabric8.kubernetes.client.Config config = server.createClient().getConfiguration();
    config.setUserAgent(PLAYER);
    return config;
  }

  private static String rssMib() throws Exception {
    return Files.readAllLines(Path.of("/proc/self/status")).stream()
        .filter(l -> l.startsWith("VmRSS"))
        .map(l -> String.valueOf(Long.parseLong(l.replaceAll("\\D", "")) >> 10))
        .findFirst()
        .orElse("?");
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static void report(String what, String value) {
    System.out.printf("BENCHMARK %-58s %s%n", what, value);
  }
}
