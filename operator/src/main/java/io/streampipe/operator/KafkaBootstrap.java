package io.streampipe.operator;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.streampipe.operator.source.KafkaClusters;
import io.streampipe.operator.source.OptionalApis;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The bootstrap address a Strimzi Kafka publishes in its status. */
public final class KafkaBootstrap {
  private KafkaBootstrap() {}

  /** The plain listener's address if there is one, else the first listener's. */
  @SuppressWarnings("unchecked")
  public static Optional<String> fromStatus(GenericKubernetesResource kafka) {
    if (!(kafka.getAdditionalProperties().get("status") instanceof Map<?, ?> status)
        || !(status.get("listeners") instanceof List<?> listeners)) {
      return Optional.empty();
    }
    return listeners.stream()
        .filter(Map.class::isInstance)
        .map(l -> (Map<String, Object>) l)
        .filter(l -> l.get("bootstrapServers") != null)
        .min(Comparator.comparing(l -> "plain".equals(l.get("name")) ? 0 : 1))
        .map(l -> l.get("bootstrapServers").toString());
  }

  /**
   * The bootstrap address the pipeline's Strimzi Kafka reports, when the informer has it. Used only
   * for a Strimzi cluster the spec gives no bootstrap servers for; without the Kafka CRD there is
   * no informer to read.
   */
  static Optional<String> published(OptionalApis apis, Context<StreamingPipeline> context) {
    return apis.kafkaVersion().isEmpty()
        ? Optional.empty()
        : context
            .getSecondaryResource(GenericKubernetesResource.class, KafkaClusters.NAME)
            .flatMap(KafkaBootstrap::fromStatus);
  }
}
