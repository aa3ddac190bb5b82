package io.streampipe.operator;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link OperatorMain} in its own JVM, started by {@link MockApiServerMain} and pointed at a mock
 * API server, so its memory and CPU are its own: what the benchmark measures. It runs on this JVM's
 * test classpath (the in-memory backends live there) with the production logging and the JVM the
 * chart's container gives it ({@link ChartJvm}: its CPU and memory limits, its javaOptions).
 */
final class OperatorProcess implements AutoCloseable {
  static final List<String> JVM = ChartJvm.options();

  private final Process process;
  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();
  private long peakRss;

  private OperatorProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static OperatorProcess start(String masterUrl, Map<String, String> env, Path log)
      throws IOException {
    int port = freePort();
    // Failsafe sets java.class.path to the tests' classpath; log4j2-test.xml is on it too.
    String classpath = System.getProperty("java.class.path");
    Path logging = Path.of("target/classes/log4j2.xml").toAbsolutePath();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM);
    command.add("-Dkubernetes.master=" + masterUrl);
    command.add("-Dkubernetes.auth.tryKubeConfig=false");
    command.add("-Dkubernetes.auth.tryServiceAccount=false");
    command.add("-Dkubernetes.namespace=default");
    command.add("-Dlog4j2.configurationFile=" + logging);
    command.add("-cp");
    command.add(classpath);
    command.add(MockApiServerMain.class.getName());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    builder.environment().putAll(env);
    builder.environment().put("STREAMPIPE_MANAGEMENT_PORT", String.valueOf(port));
    return new OperatorProcess(builder.start(), port);
  }

  /** Starts one and returns once it is ready (its informers have synced). */
  static OperatorProcess startReady(
      String masterUrl, Map<String, String> env, Path log, Duration within) throws Exception {
    OperatorProcess operator = start(masterUrl, env, log);
    long deadline = System.nanoTime() + within.toNanos();
    while (operator.status("/readyz") != 200) {
      if (!operator.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("the operator did not get ready, see " + log);
      }
      Thread.sleep(100);
    }
    return operator;
  }

  long pid() {
    return process.pid();
  }

  /** GET a management path; -1 while the server does not answer yet. */
  int status(String path) {
    try {
      return http.send(request(path), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  String metrics() throws IOException, InterruptedException {
    return http.send(request("/metrics"), HttpResponse.BodyHandlers.ofString()).body();
  }

  /** Sum of a Prometheus counter over all its label sets. */
  double counter(String name) throws IOException, InterruptedException {
    return metrics()
        .lines()
        .filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  /**
   * A timer's quantile, e.g. {@code quantile("streampipe_progress_observe_seconds", "0.99")}, in
   * milliseconds; NaN when absent.
   */
  double quantileMillis(String timer, String quantile) throws IOException, InterruptedException {
    return metrics()
            .lines()
            .filter(l -> l.startsWith(timer + "{") && l.contains("quantile=\"" + quantile + "\""))
            .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
            .findFirst()
            .orElse(Double.NaN)
        * 1e3;
  }

  /** A line of /proc/pid/status in MiB, e.g. VmRSS (now) or VmHWM (peak). */
  long memoryMib(String field) throws IOException {
    return Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status")).stream()
        .filter(l -> l.startsWith(field + ":"))
        .map(l -> Long.parseLong(l.replaceAll("\\D", "")) >> 10)
        .findFirst()
        .orElse(-1L);
  }

  /** Waits, sampling VmRSS every 250 ms for {@link #peakRssMib}. */
  void sampleRss(Duration during) throws IOException, InterruptedException {
    long end = System.nanoTime() + during.toNanos();
    do {
      peakRss = Math.max(peakRss, memoryMib("VmRSS"));
      Thread.sleep(Math.min(250, during.toMillis()));
    } while (System.nanoTime() < end);
  }

  /** The highest VmRSS {@link #sampleRss} saw. */
  long peakRssMib() {
    return peakRss;
  }

  /**
   * User plus system CPU time of the process so far, from /proc/pid/stat (clock ticks of 10 ms).
   */
  long cpuMillis() throws IOException {
    String stat = Files.readString(Path.of("/proc", String.valueOf(pid()), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
  }

  /** Heap in use right after a full collection: what the operator really keeps. */
  long liveHeapMib() throws IOException, InterruptedException {
    new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
            String.valueOf(pid()),
            "GC.run")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start()
        .waitFor();
    return (long)
            metrics()
                .lines()
                .filter(l -> l.startsWith("jvm_memory_used_bytes{area=\"heap\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum()
        >> 20;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGTERM, then whether the process ended within the given time. */
  boolean terminate(Duration within) throws InterruptedException {
    process.destroy();
    return process.waitFor(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /** SIGKILL, as a node failure or the OOM killer ends it: no shutdown hook runs. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  int exitValue() {
    return process.exitValue();
  }

  private HttpRequest request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10))
        .build();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** SIGTERM, as Kubernetes stops a pod: the shutdown hook finishes in-flight work. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
