package io.streampipe.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * 1,000 pipelines against the mock API server, their jobs' progress served by one {@link PlayedJob}
 * and read by the operator every 30 s as in production; prints figures and writes them to
 * target/benchmark.md, asserts nothing about time. The mock server, the other operators' part
 * (Strimzi, Spark) and the played jobs run in this JVM; the operator runs in its own ({@link
 * OperatorProcess}), so its RSS is its own. Run: ./mvnw -pl operator -Pbenchmark verify (see
 * BENCHMARK.md).
 */
@EnabledIfSystemProperty(named = "streampipe.benchmark", matches = "true")
class PipelineBenchmarkIT {
  static final int PIPELINES = Integer.getInteger("streampipe.benchmark.pipelines", 1000);
  static final String CONCURRENCY = System.getProperty("streampipe.benchmark.concurrency", "20");

  /** How long convergence may take: a loaded machine's mock server needs far more than 47 s. */
  static final int CONVERGE_SECONDS =
      Integer.getInteger("streampipe.benchmark.convergeSeconds", 1200);

  static final String NS = "bench";
  static final String PLAYER = "benchmark-player";
  static final String RECONCILES = "operator_sdk_reconciliations_started_total";
  static final String PROGRESS_READS = "streampipe_progress_read_seconds_count";
  static final String OBSERVE = "streampipe_progress_observe_seconds";
  static final String READ = "streampipe_progress_read_seconds";

  /** A batch every 10 s: the counts move between any two of the operator's 30 s reads. */
  static final Duration BATCH = Duration.ofSeconds(10);

  static final Duration STEADY = Duration.ofSeconds(120);
  static final Duration IDLE = Duration.ofSeconds(90);

  private final BenchmarkFigures figures = new BenchmarkFigures();

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
    KubernetesClient player =
        server.createClient(b -> b.withConfig(OperatorRbac.agent(server, PLAYER)));
    MockCluster cluster = new MockCluster(player).loadCrds();
    String master = player.getConfiguration().getMasterUrl();
    JobPace pace = new JobPace(BATCH);
    String loadBefore = loadAverage();
    try (PlayedJob jobs = new PlayedJob(cluster, pace)) {
      // The mock has no volume controller, so claims never bind: a grace longer than the run
      // keeps them counted as binding with the driver, as they would in a cluster.
      Map<String, String> env =
          Map.of(
              "STREAMPIPE_RECONCILE_CONCURRENCY",
              CONCURRENCY,
              "STREAMPIPE_CHECKPOINT_BIND_GRACE_SECONDS",
              "3600",
              MockApiServerMain.PLAYED_JOB,
              jobs.base());
      OperatorProcess operator = startOperator(master, env, "benchmark-operator.log");
      RecordedWrites writes = new RecordedWrites(server, PLAYER);
      writes.reset();
      SharedIndexInformer<StreamingPipeline> pipelines =
          player.resources(StreamingPipeline.class).inNamespace(NS).inform();
      OtherOperators others = new OtherOperators(cluster, NS);
      converge(operator, player, cluster, pipelines, writes);
      figures.report("player status writes retried", String.valueOf(others.failures()));
      steady(operator, writes);
      pace.idle();
      // One read each sees the switch (a lag and rates of 0): a write each, then none.
      operator.sampleRss(Duration.ofSeconds(40));
      idle(operator, writes);
      figures.report("Ready after the idle phase", ready(pipelines) + " / " + PIPELINES);
      figures.report(
          "operator RSS peak sampled / VmHWM over the run (MiB)",
          operator.peakRssMib() + " / " + operator.memoryMib("VmHWM"));
      figures.report("operator live heap after a full GC (MiB)", "" + operator.liveHeapMib());
      operator.close();
      resync(master, env, writes);
      others.close();
      pipelines.close();
    }
    server.destroy();
    figures.report(
        "machine load average (1 min) at start / end", loadBefore + " / " + loadAverage());
    figures.write(PIPELINES);
  }

  private void converge(
      OperatorProcess operator,
      KubernetesClient player,
      MockCluster cluster,
      SharedIndexInformer<StreamingPipeline> pipelines,
      RecordedWrites writes)
      throws Exception {
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
    figures.report("pipelines created (s)", String.format("%.1f", seconds(started)));
    while (ready(pipelines) < PIPELINES
        && seconds(started) < CONVERGE_SECONDS
        && operator.isAlive()) {
      operator.sampleRss(Duration.ofMillis(250));
    }
    double converge = seconds(started);
    long cpu = operator.cpuMillis() - cpuBefore;
    long harnessCpu = harnessCpuMillis() - harnessCpuBefore;
    Thread.sleep(2000);
    double reconciles = operator.counter(RECONCILES);
    long written = writes.take();
    figures.report("Ready pipelines (Ready=True at their generation)", ready(pipelines) + "");
    figures.report("time to converge, all Ready (s)", String.format("%.1f", converge));
    figures.report("reconciles", String.format("%.0f (%.1f/s)", reconciles, reconciles / converge));
    figures.report(
        "operator API writes per pipeline",
        String.format("%.2f %s", (double) written / PIPELINES, writes.perPipeline(PIPELINES)));
    figures.report("dependents", dependents(player, cluster));
    figures.report(
        "operator RSS now / peak sampled / VmHWM (MiB)",
        operator.memoryMib("VmRSS")
            + " / "
            + operator.peakRssMib()
            + " / "
            + operator.memoryMib("VmHWM"));
    figures.report("operator JVM (the chart's container)", String.join(" ", OperatorProcess.JVM));
    figures.report(
        "operator CPU while converging (s)",
        String.format("%.1f (%.0f %% of one core)", cpu / 1e3, cpu / 10.0 / converge));
    figures.report(
        "mock API server + other operators + played jobs CPU (s)",
        String.format("%.1f (this JVM; the mock serves from one thread)", harnessCpu / 1e3));
    timers("converging", operator);
  }

  /** Every pipeline Ready, its counts moving every 10 s at a constant lag. */
  private void steady(OperatorProcess operator, RecordedWrites writes) throws Exception {
    writes.reset();
    double reconciles = operator.counter(RECONCILES);
    double reads = operator.counter(PROGRESS_READS);
    operator.sampleRss(STEADY);
    writes.take();
    figures.report(
        "steady: status writes per pipeline per minute (target <= 2)",
        perMinute(writes.status(), STEADY));
    figures.report(
        "steady: progress reads per pipeline per minute",
        perMinute((long) (operator.counter(PROGRESS_READS) - reads), STEADY));
    figures.report(
        "steady: all operator writes over " + STEADY.toSeconds() + " s", "" + writes.byKind());
    figures.report(
        "steady: reconciles per pipeline per minute",
        perMinute((long) (operator.counter(RECONCILES) - reconciles), STEADY));
    timers("steady", operator);
  }

  /** Nothing changes: no new records, only the jobs' idle triggers. */
  private void idle(OperatorProcess operator, RecordedWrites writes) throws Exception {
    writes.reset();
    double reconciles = operator.counter(RECONCILES);
    operator.sampleRss(IDLE);
    long written = writes.take();
    figures.report(
        "idle: operator writes over " + IDLE.toSeconds() + " s (target 0)",
        written + " " + writes.byKind());
    figures.report(
        "idle: reconciles per pipeline per minute",
        perMinute((long) (operator.counter(RECONCILES) - reconciles), IDLE));
  }

  /** A fresh operator with nothing changed lists, reads and reconciles every pipeline. */
  private void resync(String master, Map<String, String> env, RecordedWrites writes)
      throws Exception {
    writes.reset();
    OperatorProcess again = startOperator(master, env, "benchmark-operator-resync.log");
    long resync = System.nanoTime();
    while (again.counter(RECONCILES) < PIPELINES && seconds(resync) < 300) {
      Thread.sleep(500);
    }
    Thread.sleep(3000);
    figures.report(
        "resync reconciles",
        String.format("%.0f in %.1f s", again.counter(RECONCILES), seconds(resync)));
    figures.report("resync operator API writes (target 0)", writes.take() + " " + writes.byKind());
    again.close();
  }

  /** p50 / p99 of the progress timers over their last ~2 minutes. */
  private void timers(String phase, OperatorProcess operator) throws Exception {
    figures.report(
        phase + ": progress in a reconcile p50 / p99 (ms)",
        String.format(
            "%.3f / %.3f",
            operator.quantileMillis(OBSERVE, "0.5"), operator.quantileMillis(OBSERVE, "0.99")));
    figures.report(
        phase + ": one progress read p50 / p99 (ms)",
        String.format(
            "%.2f / %.2f",
            operator.quantileMillis(READ, "0.5"), operator.quantileMillis(READ, "0.99")));
  }

  private static OperatorProcess startOperator(String master, Map<String, String> env, String log)
      throws Exception {
    return OperatorProcess.startReady(master, env, Path.of("target", log), Duration.ofSeconds(60));
  }

  private static long ready(SharedIndexInformer<StreamingPipeline> pipelines) {
    return pipelines.getStore().list().stream().filter(MockPipelines::readyAtGeneration).count();
  }

  private static String dependents(KubernetesClient client, MockCluster cluster) {
    return String.format(
        "topics=%d configmaps=%d claims=%d sparkapplications=%d podmonitors=%d services=%d",
        cluster.topics().inNamespace(NS).list().getItems().size(),
        client.configMaps().inNamespace(NS).list().getItems().size(),
        client.persistentVolumeClaims().inNamespace(NS).list().getItems().size(),
        cluster.sparkApplications().inNamespace(NS).list().getItems().size(),
        cluster.podMonitors().inNamespace(NS).list().getItems().size(),
        client.services().inNamespace(NS).list().getItems().size());
  }

  private static String perMinute(long count, Duration over) {
    return String.format(
        "%.3f (%d over %d s)",
        count * 60.0 / over.toSeconds() / PIPELINES, count, over.toSeconds());
  }

  private static long harnessCpuMillis() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() / 1_000_000;
  }

  /** Other work on the machine skews every figure: the 1-minute load average says how much. */
  private static String loadAverage() throws java.io.IOException {
    return java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
