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
import io.streampipe.operator.schema.SchemaProvisioners;
import io.streampipe.operator.topics.InMemoryTopicAdmins;
import io.streampipe.operator.topics.KafkaTopicAdmins;
import io.streampipe.operator.topics.TopicAdmins;
import io.streampipe.provisioning.InMemorySchemaProvisioner;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the operator in a cluster: settings from the environment, probes and metrics on 8080.
 *
 * <p>{@value #MOCK_API_SERVER}=true is for tests and the benchmark only: it turns Server-Side Apply
 * off (fabric8's mock API server has none) and keeps Cassandra schemas and the topics of pipelines
 * without a Strimzi cluster in memory. The chart never sets it.
 */
public final class OperatorMain implements AutoCloseable {
  public static final String MOCK_API_SERVER = "STREAMPIPE_MOCK_API_SERVER";
  private static final Logger LOG = LoggerFactory.getLogger(OperatorMain.class);

  private final Operator operator;
  private final SchemaProvisioners provisioners;
  private final TopicAdmins kafkaAdmins;
  private final ManagementServer management;

  private OperatorMain(
      Operator operator,
      SchemaProvisioners provisioners,
      TopicAdmins kafkaAdmins,
      ManagementServer management) {
    this.operator = operator;
    this.provisioners = provisioners;
    this.kafkaAdmins = kafkaAdmins;
    this.management = management;
  }

  public static void main(String[] args) throws Exception {
    KubernetesClient client = new KubernetesClientBuilder().build();
    OperatorMain running = start(System.getenv(), client);
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
  public static OperatorMain start(Map<String, String> env, KubernetesClient client)
      throws IOException {
    OperatorConfig config = OperatorConfig.fromEnv(env);
    boolean mock = Boolean.parseBoolean(env.getOrDefault(MOCK_API_SERVER, "false"));
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    SchemaProvisioners provisioners = mock ? inMemory() : new CqlProvisioners();
    TopicAdmins kafkaAdmins = mock ? new InMemoryTopicAdmins() : new KafkaTopicAdmins();
    Operator operator =
        PipelineOperator.create(
            client,
            config,
            provisioners,
            kafkaAdmins,
            MicrometerMetrics.withoutPerResourceMetrics(registry),
            !mock);
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
        "event=start namespaces={} concurrency={} leader_election={} port={} mock_api_server={}",
        config.watchNamespaces().isEmpty() ? "all" : config.watchNamespaces(),
        config.reconcileConcurrency(),
        config.leaderElection(),
        management.port(),
        mock);
    operator.start();
    return new OperatorMain(operator, provisioners, kafkaAdmins, management);
  }

  private static SchemaProvisioners inMemory() {
    InMemorySchemaProvisioner schemas = new InMemorySchemaProvisioner();
    return connection -> schemas;
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
  }
}
