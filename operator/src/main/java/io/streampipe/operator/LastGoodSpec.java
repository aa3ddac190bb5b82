package io.streampipe.operator;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.streampipe.api.JobContract;
import io.streampipe.api.PipelineDocuments;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import io.streampipe.operator.desired.DesiredConfigMap;
import io.streampipe.operator.desired.Names;
import io.streampipe.operator.desired.ResolvedPipeline;
import java.util.Map;
import java.util.Optional;

/**
 * The last valid spec the operator deployed, read back from the job's ConfigMap: what runs, and
 * what is observed, while an invalid update waits to be fixed. The ConfigMap survives operator
 * restarts, so no memory of earlier reconciles is needed.
 */
public final class LastGoodSpec {
  private LastGoodSpec() {}

  /** The deployed spec resolved again; empty when nothing valid was ever deployed. */
  public static Optional<ResolvedPipeline> of(
      StreamingPipeline pipeline, Optional<ConfigMap> deployed, OperatorConfig config) {
    Optional<String> document =
        deployed.map(ConfigMap::getData).map(d -> d.get(JobContract.SPEC_FILE_NAME));
    if (document.isEmpty()) {
      return Optional.empty();
    }
    StreamingPipelineSpec spec;
    try {
      spec = PipelineDocuments.parse(document.get(), "the deployed ConfigMap").spec();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    // The document names the resolved bootstrap address; the Strimzi cluster managing the topics
    // is kept beside it, so the topics are observed as KafkaTopics again.
    Map<String, String> annotations = deployed.get().getMetadata().getAnnotations();
    String cluster = annotations == null ? null : annotations.get(DesiredConfigMap.KAFKA_CLUSTER);
    if (cluster != null) {
      spec.getSource().setBootstrapServers(null);
      spec.getSource().setKafkaCluster(cluster);
    }
    StreamingPipeline copy = new StreamingPipeline();
    copy.setMetadata(new ObjectMeta());
    copy.getMetadata().setName(pipeline.getMetadata().getName());
    copy.getMetadata().setNamespace(pipeline.getMetadata().getNamespace());
    copy.getMetadata().setUid(pipeline.getMetadata().getUid());
    copy.getMetadata().setGeneration(pipeline.getMetadata().getGeneration());
    copy.setSpec(spec);
    return OperatorChecks.check(copy, config, Optional.empty()).resolved();
  }

  /**
   * What a poller outside a reconcile observes: the valid spec, or while an update is invalid the
   * last good one, which still runs.
   */
  public static Optional<ResolvedPipeline> observed(
      StreamingPipeline primary, KubernetesClient client, OperatorConfig config) {
    return OperatorChecks.check(primary, config, Optional.empty())
        .resolved()
        .or(() -> read(primary, client, config));
  }

  /** The same, reading the ConfigMap from the API server (for pollers outside a reconcile). */
  public static Optional<ResolvedPipeline> read(
      StreamingPipeline pipeline, KubernetesClient client, OperatorConfig config) {
    ConfigMap deployed =
        client
            .configMaps()
            .inNamespace(pipeline.getMetadata().getNamespace())
            .withName(Names.configMap(pipeline.getMetadata().getName()))
            .get();
    return of(pipeline, Optional.ofNullable(deployed), config);
  }
}
