package io.streampipe.operator.runtime;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ConfigurationServiceOverrider;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.streampipe.operator.OperatorConfig;
import io.streampipe.operator.PipelineCleanup;
import io.streampipe.operator.PipelineDependentFactory;
import io.streampipe.operator.PipelineEvents;
import io.streampipe.operator.PipelineReconciler;
import io.streampipe.operator.dependent.TopicApiVersion;
import io.streampipe.operator.schema.SchemaProvisioners;
import io.streampipe.operator.schema.SchemaService;
import io.streampipe.operator.source.OptionalApis;
import io.streampipe.operator.topics.TopicAdmins;
import io.streampipe.operator.topics.TopicService;
import java.time.Clock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Assembles the JOSDK operator from the settings; shared by main, the tests and the benchmark. */
public final class PipelineOperator {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineOperator.class);

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
    OptionalApis apis = OptionalApis.discover(client);
    warnIfAbsent(apis);
    SchemaService schemas = new SchemaService(provisioners);
    TopicService topics = new TopicService(kafkaAdmins);
    Leadership leadership = Leadership.exitingTheProcess(config);
    Consumer<ConfigurationServiceOverrider> overrides =
        o -> {
          o.withKubernetesClient(client)
              .withCloseClientOnStop(false)
              .withMetrics(metrics)
              .withConcurrentReconciliationThreads(config.reconcileConcurrency())
              .withDependentResourceFactory(
                  new PipelineDependentFactory(apis, config, schemas, topics))
              .withSSABasedCreateUpdateMatchForDependentResources(ssa)
              .withUseSSAToPatchPrimaryResource(ssa);
          if (config.leaderElection()) {
            o.withLeaderElectionConfiguration(leadership.configuration());
          }
        };
    Operator operator = new StoppableOperator(overrides, leadership);
    PipelineEvents events = new PipelineEvents(client, Clock.systemUTC());
    PipelineCleanup cleanup =
        new PipelineCleanup(config, apis.topicVersion(), schemas, topics, events);
    var reconciler = new PipelineReconciler(config, apis, cleanup, Clock.systemUTC());
    operator.register(
        reconciler,
        c -> {
          if (!config.watchNamespaces().isEmpty()) {
            c.settingNamespaces(config.watchNamespaces());
          }
        });
    return operator;
  }

  /** Once, at start: what an absent optional CRD means for pipelines. */
  private static void warnIfAbsent(OptionalApis apis) {
    if (apis.topicVersion().isEmpty()) {
      LOG.warn(
          "event=strimzi_absent crd={} effect=\"pipelines giving source.bootstrapServers get their"
              + " topics over the Kafka Admin API; pipelines naming a kafkaCluster report"
              + " TopicsReady=False (StrimziNotInstalled) until Strimzi is installed and the"
              + " operator restarted\"",
          TopicApiVersion.CRD);
    } else if (apis.kafkaVersion().isEmpty()) {
      LOG.warn(
          "event=strimzi_kafkas_absent crd={} effect=\"pipelines naming a kafkaCluster connect to"
              + " its conventional <cluster>-kafka-bootstrap service\"",
          OptionalApis.KAFKAS_CRD);
    }
    if (!apis.podMonitors()) {
      LOG.info(
          "event=podmonitors_absent crd={} effect=\"no PodMonitors until the Prometheus Operator"
              + " is installed and the operator restarted\"",
          OptionalApis.PODMONITORS_CRD);
    }
  }
}
