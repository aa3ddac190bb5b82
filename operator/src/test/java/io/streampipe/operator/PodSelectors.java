package io.streampipe.operator;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;

/** Evaluates a PodMonitor's label selector as Kubernetes does, to check which pods it scrapes. */
final class PodSelectors {
  private PodSelectors() {}

  @SuppressWarnings("unchecked")
  static boolean matches(GenericKubernetesResource podMonitor, Map<String, String> labels) {
    Map<String, Object> spec =
        (Map<String, Object>) podMonitor.getAdditionalProperties().get("spec");
    Map<String, Object> selector = (Map<String, Object>) spec.get("selector");
    Map<String, String> matchLabels =
        (Map<String, String>) selector.getOrDefault("matchLabels", Map.of());
    if (!labels.entrySet().containsAll(matchLabels.entrySet())) {
      return false;
    }
    var expressions =
        (List<Map<String, Object>>) selector.getOrDefault("matchExpressions", List.of());
    return expressions.stream().allMatch(e -> holds(e, labels));
  }

  @SuppressWarnings("unchecked")
  private static boolean holds(Map<String, Object> expression, Map<String, String> labels) {
    String value = labels.get((String) expression.get("key"));
    List<String> values = (List<String>) expression.getOrDefault("values", List.of());
    return switch ((String) expression.get("operator")) {
      case "In" -> value != null && values.contains(value);
      case "NotIn" -> value == null || !values.contains(value);
      case "Exists" -> value != null;
      case "DoesNotExist" -> value == null;
      default -> throw new IllegalArgumentException("unknown operator in " + expression);
    };
  }
}
