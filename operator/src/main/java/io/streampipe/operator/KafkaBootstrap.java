package io.streampipe.operator;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
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
}
