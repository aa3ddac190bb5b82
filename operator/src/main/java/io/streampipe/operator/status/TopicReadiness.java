package io.streampipe.operator.status;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Reads Strimzi's verdict on a KafkaTopic. */
public final class TopicReadiness {
  private TopicReadiness() {}

  /** Ready=True for the topic's current generation, so a stale Ready does not count. */
  public static boolean isReady(GenericKubernetesResource topic) {
    Map<String, Object> status = status(topic);
    Object observed = status.get("observedGeneration");
    Long generation = topic.getMetadata().getGeneration();
    boolean current =
        generation == null
            || (observed instanceof Number n && n.longValue() == generation.longValue());
    return current && readyCondition(status).map(c -> "True".equals(c.get("status"))).orElse(false);
  }

  /** Strimzi's message when the topic is not ready, e.g. a refused partition decrease. */
  public static Optional<String> problem(GenericKubernetesResource topic) {
    return readyCondition(status(topic))
        .filter(c -> !"True".equals(c.get("status")))
        .map(c -> Objects.toString(c.get("message"), Objects.toString(c.get("reason"), "")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> status(GenericKubernetesResource topic) {
    Object status = topic.getAdditionalProperties().get("status");
    return status instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  @SuppressWarnings("unchecked")
  private static Optional<Map<String, Object>> readyCondition(Map<String, Object> status) {
    Object conditions = status.get("conditions");
    if (!(conditions instanceof List<?> list)) {
      return Optional.empty();
    }
    return list.stream()
        .filter(Map.class::isInstance)
        .map(c -> (Map<String, Object>) c)
        .filter(c -> "Ready".equals(c.get("type")))
        .findFirst();
  }
}
