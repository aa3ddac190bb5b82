package io.streampipe.e2e;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.streampipe.job.JobProcess;
import io.streampipe.operator.MockCluster;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the Kubeflow Spark operator in tests: for each SparkApplication on the (mock) API
 * server it starts the real job in Spark local mode in its own JVM, as rendered ({@link
 * LocalLaunch}), and reports {@code applicationState} SUBMITTED, RUNNING once the driver serves its
 * metrics port, FAILED when the JVM dies on its own. Like the real one, it stops the driver
 * (SIGTERM, so the batch in flight finishes) when the application is deleted, and stops and
 * resubmits it when its spec changes. It does not restart a failed driver.
 */
final class LocalSparkOperator implements AutoCloseable {
  private static final long STOP_SECONDS = 60;

  private final KubernetesClient client;
  private final MockCluster cluster;
  private final Path work;
  private final String classpath;
  private final Map<String, Driver> drivers = new ConcurrentHashMap<>();
  private final ExecutorService events = Executors.newSingleThreadExecutor();
  private final AtomicInteger launches = new AtomicInteger();
  private final SharedIndexInformer<GenericKubernetesResource> informer;

  /** One running driver and the spec it was started from. */
  private record Driver(Object spec, Process process, int launch) {}

  LocalSparkOperator(KubernetesClient client, Path work, String classpath) {
    this.client = client;
    this.cluster = new MockCluster(client);
    this.work = work;
    this.classpath = classpath;
    this.informer =
        cluster
            .sparkApplications()
            .inAnyNamespace()
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(GenericKubernetesResource app) {
                    events.execute(() -> apply(app));
                  }

                  @Override
                  public void onUpdate(
                      GenericKubernetesResource old, GenericKubernetesResource app) {
                    events.execute(() -> apply(app));
                  }

                  @Override
                  public void onDelete(GenericKubernetesResource app, boolean unknown) {
                    events.execute(() -> stop(key(app)));
                  }
                });
  }

  /** How many drivers were started, restarts included. */
  int launches() {
    return launches.get();
  }

  private void apply(GenericKubernetesResource app) {
    String key = key(app);
    Object spec = app.getAdditionalProperties().get("spec");
    Driver running = drivers.get(key);
    if (running != null && running.spec().equals(spec)) {
      return; // our own status update, or nothing the driver sees
    }
    if (running != null) {
      state(app, "PENDING_RERUN", null);
      stop(key);
    }
    try {
      start(app, key, spec);
    } catch (Exception e) {
      state(app, "SUBMISSION_FAILED", e.toString());
    }
  }

  private void start(GenericKubernetesResource app, String key, Object spec) throws Exception {
    String ns = app.getMetadata().getNamespace();
    int n = launches.incrementAndGet();
    Path launchDir = work.resolve(ns).resolve(app.getMetadata().getName() + "-" + n);
    LocalLaunch launch = LocalLaunch.of(app, work.resolve(ns).resolve("claims"), launchDir);
    for (Path dir : launch.mounts().values()) {
      Files.createDirectories(dir);
    }
    for (var entry : launch.configMaps().entrySet()) {
      ConfigMap configMap = client.configMaps().inNamespace(ns).withName(entry.getValue()).get();
      for (var file : configMap.getData().entrySet()) {
        Files.writeString(
            entry.getKey().resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
      }
    }
    // A driver that mounted its claim has had it bound, as a volume provisioner would.
    launch.mounts().values().stream()
        .filter(dir -> dir.getParent().getFileName().toString().equals("claims"))
        .forEach(dir -> cluster.claimBound(ns, dir.getFileName().toString()));
    state(app, "SUBMITTED", null);
    Process process =
        JobProcess.launch(
            classpath,
            launch.mainClass(),
            launch.arguments(),
            launch.env(),
            launchDir.resolveSibling(launchDir.getFileName() + ".log"));
    drivers.put(key, new Driver(spec, process, n));
    Thread watcher =
        new Thread(() -> watch(app, key, n, process, launch.metricsPort()), "driver-" + key);
    watcher.setDaemon(true);
    watcher.start();
  }

  /** RUNNING once the driver serves its metrics port; FAILED if it exits while still wanted. */
  private void watch(GenericKubernetesResource app, String key, int n, Process process, int port) {
    while (process.isAlive() && !listening(port)) {
      sleep(200);
    }
    if (process.isAlive() && current(key, n)) {
      state(app, "RUNNING", null);
    }
    try {
      int exit = process.waitFor();
      if (current(key, n)) {
        state(app, "FAILED", "driver exited with code " + exit);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean current(String key, int n) {
    Driver d = drivers.get(key);
    return d != null && d.launch() == n;
  }

  /** SIGTERM, as the pod's deletion sends it; the job's graceful shutdown finishes its batch. */
  private void stop(String key) {
    Driver driver = drivers.remove(key);
    if (driver == null) {
      return;
    }
    driver.process().destroy();
    try {
      if (!driver.process().waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
        driver.process().destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void state(GenericKubernetesResource app, String state, String error) {
    Map<String, Object> applicationState =
        error == null ? Map.of("state", state) : Map.of("state", state, "errorMessage", error);
    for (int attempt = 0; attempt < 10; attempt++) {
      GenericKubernetesResource now =
          cluster
              .sparkApplications()
              .inNamespace(app.getMetadata().getNamespace())
              .withName(app.getMetadata().getName())
              .get();
      if (now == null) {
        return;
      }
      now.setAdditionalProperty("status", Map.of("applicationState", applicationState));
      try {
        cluster
            .sparkApplications()
            .inNamespace(now.getMetadata().getNamespace())
            .resource(now)
            .updateStatus();
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409) {
          throw e;
        }
      }
    }
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 250);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String key(GenericKubernetesResource app) {
    return app.getMetadata().getNamespace() + "/" + app.getMetadata().getName();
  }

  @Override
  public void close() {
    informer.close();
    events.shutdown();
    drivers.keySet().forEach(this::stop);
  }
}
