package io.streampipe.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * 1,000 pipelines against the mock API server; prints figures, asserts nothing about time. The mock
 * server and the other operators' part (Strimzi, Spark) run in this JVM; the operator runs in its
 * own ({@link OperatorProcess}), so its RSS is its own. Run: ./mvnw -pl operator -Pbenchmark verify
 * (see BENCHMARK.md).
 */
@EnabledIfSystemProperty(named = "streampipe.benchmark", matches = "true")
class PipelineBenchmarkIT {
  static final int PIPELINES = Integer.getInteger("streampipe.benchmark.pipelines", 1000);
  static final String CONCURRENCY = System.getProperty("streampipe.benchmark.concurrency", "20");
  static final String NS = "bench";
  static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
  static final String PLAYER = "benchmark-player";
  static final String RECONCILES = "operator_sdk_reconciliations_started_total";
  static final java.time.Duration STEADY = java.time.Duration.ofSeconds(90);

  private final Map<String, Integer> written = new TreeMap<>();

  @Test
  void thousandPipelines() throws Exception {
    // The mock server logs every request at INFO: that would measure the console, not us.
    java.util.logging.Logger.getLogger("io.fabric8.mockwebserver")
        .setLevel(java.util.logging.Level.WARNING);
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(),
            false);
    server.init();
    KubernetesClient player = server.createClient(b -> b.withConfig(withAgent(server)));
    MockCluster cluster = new MockCluster(player).loadCrds();
    String master = player.getConfiguration().getMasterUrl();
    // The mock has no volume controller, so claims never bind: a grace longer than the run keeps
    // them counted as binding with the driver, as they would in a cluster.
    Map<String, String> env =
        Map.of(
            "STREAMPIPE_RECONCILE_CONCURRENCY",
            CONCURRENCY,
            "STREAMPIPE_CHECKPOINT_BIND_GRACE_SECONDS",
            "3600");

    OperatorProcess operator = startOperator(master, env, "benchmark-operator.log");
    drain(server);
    written.clear();
    SharedIndexInformer<StreamingPipeline> pipelines =
        player.resources(StreamingPipeline.class).inNamespace(NS).inform();
    OtherOperators others = new OtherOperators(cluster, NS);

    long cpuBefore = operator.cpuMillis();
    long harnessCpuBefore = harnessCpuMillis();
    long started = System.nanoTime();
    // As kubectl apply -f of a directory would, from a few clients at once.
    IntStream.range(0, PIPELINES)
        .parallel()
        .forEach(
            i -> {
              StreamingPipeline p = TestPipelines.users(NS, "p" + i);
              p.getSpec().getSource().getTopic().setName("topic_" + i);
              p.getSpec().getSink().getCassandra().setTable("t" + i);
              player.resource(p).create();
            });
    report("pipelines created (s)", String.format("%.1f", seconds(started)));
    long peakRss = 0;
    while (ready(pipelines) < PIPELINES && seconds(started) < 600 && operator.isAlive()) {
      peakRss = Math.max(peakRss, operator.memoryMib("VmRSS"));
      Thread.sleep(250);
    }
    double converge = seconds(started);
    long cpu = operator.cpuMillis() - cpuBefore;
    long harnessCpu = harnessCpuMillis() - harnessCpuBefore;
    Thread.sleep(2000);
    double reconciles = operator.counter(RECONCILES);
    long writes = drain(server);
    report("converged pipelines", ready(pipelines) + " / " + PIPELINES);
    report("time to converge (s)", String.format("%.1f", converge));
    report("reconciles", String.format("%.0f (%.1f/s)", reconciles, reconciles / converge));
    report(
        "operator API writes per pipeline",
        String.format("%.2f %s", (double) writes / PIPELINES, perPipeline()));
    report("dependents", dependents(player, cluster));
    report(
        "operator RSS now / peak sampled / VmHWM (MiB)",
        operator.memoryMib("VmRSS") + " / " + peakRss + " / " + operator.memoryMib("VmHWM"));
    report("operator heap limit", OperatorProcess.HEAP + " (a 512 MiB container at 75 %)");
    report("operator live heap after a full GC (MiB)", String.valueOf(operator.liveHeapMib()));
    report(
        "operator CPU while converging (s)",
        String.format("%.1f (%.0f %% of one core)", cpu / 1e3, cpu / 10.0 / converge));
    report(
        "mock API server + other operators CPU (s)",
        String.format("%.1f (this JVM; the mock serves from one thread)", harnessCpu / 1e3));
    report("player status writes retried", String.valueOf(others.failures()));
    // Steady state: every pipeline ready, its progress polled every 30 s, nothing else happening.
    drain(server);
    written.clear();
    Thread.sleep(STEADY.toMillis());
    long steady = drain(server);
    report(
        "steady-state operator API writes per pipeline per minute",
        String.format(
            "%.3f over %d s %s",
            steady * 60.0 / STEADY.toSeconds() / PIPELINES, STEADY.toSeconds(), written));

    // A resync with nothing changed: a fresh operator lists and reconciles every pipeline.
    operator.close();
    drain(server);
    written.clear();
    OperatorProcess again = startOperator(master, env, "benchmark-operator-resync.log");
    long resync = System.nanoTime();
    while (again.counter(RECONCILES) < PIPELINES && seconds(resync) < 300) {
      Thread.sleep(500);
    }
    Thread.sleep(3000);
    report(
        "resync reconciles",
        String.format("%.0f in %.1f s", again.counter(RECONCILES), seconds(resync)));
    report("resync operator API writes", drain(server) + " " + written);
    again.close();
    others.close();
    pipelines.close();
    server.destroy();
  }

  private static OperatorProcess startOperator(String master, Map<String, String> env, String log)
      throws Exception {
    OperatorProcess operator = OperatorProcess.start(master, env, Path.of("target", log));
    long started = System.nanoTime();
    while (operator.status("/readyz") != 200) {
      if (!operator.isAlive() || seconds(started) > 60) {
        throw new IllegalStateException("the operator did not get ready, see target/" + log);
      }
      Thread.sleep(100);
    }
    return operator;
  }

  private static long ready(SharedIndexInformer<StreamingPipeline> pipelines) {
    return pipelines.getStore().list().stream()
        .filter(p -> p.getStatus() != null && p.getStatus().getConditions() != null)
        .filter(
            p ->
                p.getStatus().getConditions().stream()
                    // Every part converged; Ready also needs a job's progress, which the
                    // benchmark's Spark player does not serve.
                    .anyMatch(
                        c -> "JobRunning".equals(c.getType()) && "True".equals(c.getStatus())))
        .count();
  }

  private static String dependents(KubernetesClient client, MockCluster cluster) {
    return String.format(
        "topics=%d configmaps=%d claims=%d sparkapplications=%d podmonitors=%d",
        cluster.topics().inNamespace(NS).list().getItems().size(),
        client.configMaps().inNamespace(NS).list().getItems().size(),
        client.persistentVolumeClaims().inNamespace(NS).list().getItems().size(),
        cluster.sparkApplications().inNamespace(NS).list().getItems().size(),
        cluster.podMonitors().inNamespace(NS).list().getItems().size());
  }

  private String perPipeline() {
    Map<String, String> each = new TreeMap<>();
    written.forEach((k, v) -> each.put(k, String.format("%.2f", (double) v / PIPELINES)));
    return each.toString();
  }

  /** Takes the recorded requests and counts the operator's writes among them. */
  private long drain(KubernetesMockServer server) throws InterruptedException {
    long writes = 0;
    RecordedRequest request;
    while ((request = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
      String agent = request.getHeader("User-Agent");
      if (WRITES.contains(request.getMethod()) && (agent == null || !agent.contains(PLAYER))) {
        writes++;
        String kind =
            ApiCall.of(request.getMethod(), request.getPath())
                .map(ApiCall::resource)
                .orElse(request.getPath());
        written.merge(request.getMethod() + " " + kind, 1, Integer::sum);
      }
    }
    return writes;
  }

  private static io.fabric8.kubernetes.client.Config withAgent(KubernetesMockServer server) {
    io.fabric8.kubernetes.client.Config config = server.createClient().getConfiguration();
    config.setUserAgent(PLAYER);
    return config;
  }

  private static long harnessCpuMillis() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() / 1_000_000;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static void report(String what, String value) {
    System.out.printf("BENCHMARK %-48s %s%n", what, value);
  }
}
