package io.streampipe.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.streampipe.operator.runtime.ManagementServer;
import io.streampipe.operator.runtime.PipelineOperator;
import io.streampipe.operator.schema.CqlProvisioners;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the operator in a cluster: settings from the environment, probes and metrics on 8080. */
public final class OperatorMain {
  private static final Logger LOG = LoggerFactory.getLogger(OperatorMain.class);

  private OperatorMain() {}

  public static void main(String[] args) throws Exception {
    OperatorConfig config = OperatorConfig.fromEnv(System.getenv());
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    KubernetesClient client = new KubernetesClientBuilder().build();
    CqlProvisioners provisioners = new CqlProvisioners();
    Operator operator =
        PipelineOperator.create(
            client,
            config,
            provisioners,
            MicrometerMetrics.withoutPerResourceMetrics(registry),
            true);
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
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  // Finish in-flight reconciles, then close connections, then stop serving probes.
                  LOG.info("event=shutdown");
                  operator.stop();
                  provisioners.close();
                  client.close();
                  management.close();
                },
                "shutdown"));
    LOG.info(
        "event=start namespaces={} concurrency={} leader_election={} port={}",
        config.watchNamespaces().isEmpty() ? "all" : config.watchNamespaces(),
        config.reconcileConcurrency(),
        config.leaderElection(),
        management.port());
    operator.start();
    Thread.currentThread().join();
  }
}
