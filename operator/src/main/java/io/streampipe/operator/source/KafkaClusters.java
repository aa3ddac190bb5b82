package io.streampipe.operator.source;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.GroupVersionKind;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.streampipe.operator.OperatorConfig;
import io.streampipe.operator.StreamingPipeline;
import io.streampipe.operator.desired.ResolvedPipeline;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Watches the Strimzi Kafka clusters pipelines use, so a cluster's status change (its bootstrap
 * address, its readiness) reconciles the pipelines that reference it at once, and the reconciler
 * reads the cluster from the cache instead of asking the API server each time.
 */
public final class KafkaClusters {
  public static final String NAME = "kafkas";
  public static final String KIND = "Kafka";
  static final String INDEX = "by-kafka-cluster";

  private KafkaClusters() {}

  public static InformerEventSource<GenericKubernetesResource, StreamingPipeline> eventSource(
      EventSourceContext<StreamingPipeline> context, String version, OperatorConfig config) {
    var pipelines = context.getPrimaryCache();
    pipelines.addIndexer(
        INDEX, p -> cluster(p, config).map(c -> List.of(key(p, c))).orElse(List.of()));
    var configuration =
        InformerEventSourceConfiguration.from(
                new GroupVersionKind("kafka.strimzi.io/" + version, KIND), StreamingPipeline.class)
            .withName(NAME)
            .withNamespacesInheritedFromController()
            .withSecondaryToPrimaryMapper(
                kafka -> {
                  var ids =
                      pipelines
                          .byIndex(
                              INDEX,
                              kafka.getMetadata().getNamespace()
                                  + "/"
                                  + kafka.getMetadata().getName())
                          .stream()
                          .map(ResourceID::fromResource)
                          .collect(Collectors.toSet());
                  return ids;
                })
            .withPrimaryToSecondaryMapper(
                (StreamingPipeline p) ->
                    cluster(p, config)
                        .map(c -> Set.of(new ResourceID(c, p.getMetadata().getNamespace())))
                        .orElse(Set.of()))
            // Only what Strimzi reports matters to pipelines; spec edits reach them via status.
            .withOnUpdateFilter(
                (now, before) ->
                    !Objects.equals(
                        now.getAdditionalProperties().get("status"),
                        before.getAdditionalProperties().get("status")))
            .build();
    return new InformerEventSource<>(configuration, context);
  }

  static Optional<String> cluster(StreamingPipeline pipeline, OperatorConfig config) {
    return ResolvedPipeline.kafkaCluster(pipeline.getSpec(), config);
  }

  private static String key(StreamingPipeline pipeline, String cluster) {
    return pipeline.getMetadata().getNamespace() + "/" + cluster;
  }
}
