package io.streampipe.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.streampipe.operator.runtime.Backends;
import io.streampipe.operator.runtime.ManagementServer;
import io.streampipe.operator.runtime.PipelineOperator;
import io.streampipe.operator.schema.SchemaProvisioners;
import io.streampipe.operator.topics.TopicAdmins;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the operator in a cluster: settings from the environment, probes and metrics on 8080. */
public final class OperatorMain implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OperatorMain.class);

  private final Operator operator;
  private final SchemaProvisioners provisioners;
  private final TopicAdmins kafkaAdmins;
  private final ManagementServer management;
  private final PrometheusMeterRegistry registry;

  private OperatorMain(
      Operator operator,
      SchemaProvisioners provisioners,
      TopicAdmins kafkaAdmins,
      ManagementServer management,
      PrometheusMeterRegistry registry) {
    this.operator = operator;
    this.provisioners = provisioners;
    this.kafkaAdmins = kafkaAdmins;
    this.management = management;
    this.registry = registry;
  }

  public static void main(String[] args) throws Exception {
    run(System.getenv(), Backends.production());
  }

  /** Runs until the JVM is stopped (SIGTERM), then shuts down in order; never returns. */
  public static void run(Map<String, String> env, Backends backends) throws Exception {
    KubernetesClient client = new KubernetesClientBuilder().build();
    OperatorMain running = start(env, client, backends);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  running.close();
                  client.close();
                },
                "shutdown"));
    Thread.currentThread().join();
  }

  /** Starts the operator and its management server; returns once both run. */
  public static OperatorMain start(
      Map<String, String> env, KubernetesClient client, Backends backends) throws IOException {
    OperatorConfig fromEnv = OperatorConfig.fromEnv(env);
    OperatorConfig config = fromEnv.withProgress(fromEnv.progress().withEndpoints(backends.jobs()));
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    // The progress timers (ProgressTimers) record into the global registry.
    Metrics.addRegistry(registry);
    SchemaProvisioners provisioners = backends.schemas();
    TopicAdmins kafkaAdmins = backends.topics();
    Operator operator =
        PipelineOperator.create(
            client,
            config,
            provisioners,
            kafkaAdmins,
            MicrometerMetrics.withoutPerResourceMetrics(registry),
            backends.serverSideApply());
    ManagementServer management =
        new ManagementServer(
                config.managementPort(),
                registry,
                () -> operator.getRuntimeInfo().isStarted(),
                () ->
                    !operator.getRuntimeInfo().isStarted()
                        || operator.getRuntimeInfo().allEventSourcesAreHealthy(),
                () ->
                    operator.getRuntimeInfo().isStarted()
                        && operator.getRuntimeInfo().allEventSourcesAreHealthy())
            .start();
    LOG.info(
        "event=start namespaces={} concurrency={} leader_election={} port={} ssa={}",
        config.watchNamespaces().isEmpty() ? "all" : config.watchNamespaces(),
        config.reconcileConcurrency(),
        config.leaderElection(),
        management.port(),
        backends.serverSideApply());
    operator.start();
    return new OperatorMain(operator, provisioners, kafkaAdmins, management, registry);
  }

  public int managementPort() {
    return management.port();
  }

  /** Finishes in-flight reconciles, then closes connections, then stops serving probes. */
  @Override
  public void close() {
    LOG.info("event=shutdown");
    operator.stop();
    provisioners.close();
    kafkaAdmins.close();
    management.close();
    Metrics.removeRegistry(registry);
  }
}
