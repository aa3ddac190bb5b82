package io.streampipe.operator.runtime;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ConfigurationServiceOverrider;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.streampipe.operator.OperatorConfig;
import io.streampipe.operator.PipelineCleanup;
import io.streampipe.operator.PipelineDependentFactory;
import io.streampipe.operator.PipelineEvents;
import io.streampipe.operator.PipelineReconciler;
import io.streampipe.operator.dependent.TopicApiVersion;
import io.streampipe.operator.schema.SchemaProvisioners;
import io.streampipe.operator.schema.SchemaService;
import io.streampipe.operator.topics.TopicAdmins;
import io.streampipe.operator.topics.TopicService;
import java.time.Clock;
import java.util.function.Consumer;

/** Assembles the JOSDK operator from the settings; shared by main, the tests and the benchmark. */
public final class PipelineOperator {
  private PipelineOperator() {}

  /**
   * @param ssa false only against fabric8's mock server, which has no Server-Side Apply
   */
  public static Operator create(
      KubernetesClient client,
      OperatorConfig config,
      SchemaProvisioners provisioners,
      TopicAdmins kafkaAdmins,
      Metrics metrics,
      boolean ssa) {
    String topicVersion = TopicApiVersion.negotiate(client);
    SchemaService schemas = new SchemaService(provisioners);
    TopicService topics = new TopicService(kafkaAdmins);
    Consumer<ConfigurationServiceOverrider> overrides =
        o -> {
          o.withKubernetesClient(client)
              .withCloseClientOnStop(false)
              .withMetrics(metrics)
              .withConcurrentReconciliationThreads(config.reconcileConcurrency())
              .withDependentResourceFactory(
                  new PipelineDependentFactory(topicVersion, schemas, topics))
              .withSSABasedCreateUpdateMatchForDependentResources(ssa)
              .withUseSSAToPatchPrimaryResource(ssa);
          if (config.leaderElection()) {
            o.withLeaderElectionConfiguration(
                new LeaderElectionConfiguration(
                    config.leaseName(), config.leaseNamespace().orElse(null)));
          }
        };
    Operator operator = new Operator(overrides);
    PipelineEvents events = new PipelineEvents(client, Clock.systemUTC());
    PipelineCleanup cleanup = new PipelineCleanup(config, topicVersion, schemas, topics, events);
    var reconciler = new PipelineReconciler(config, topicVersion, cleanup, Clock.systemUTC());
    operator.register(
        reconciler,
        c -> {
          if (!config.watchNamespaces().isEmpty()) {
            c.settingNamespaces(config.watchNamespaces());
          }
        });
    return operator;
  }
}
