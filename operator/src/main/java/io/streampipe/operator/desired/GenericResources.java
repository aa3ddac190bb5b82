package io.streampipe.operator.desired;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds resources of kinds the operator does not have Java classes for (Strimzi, Spark, ...). */
public final class GenericResources {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GenericResources() {}

  public static GenericKubernetesResource of(
      String apiVersion, String kind, ObjectMeta metadata, Map<String, Object> spec) {
    GenericKubernetesResource resource = new GenericKubernetesResource();
    resource.setApiVersion(apiVersion);
    resource.setKind(kind);
    resource.setMetadata(metadata);
    resource.setAdditionalProperty("spec", normalized(spec));
    return resource;
  }

  /**
   * The spec as it reads back from the API server (numbers that fit become ints), so comparing
   * desired with actual finds no phantom difference between 185L and 185.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> normalized(Map<String, Object> spec) {
    try {
      return JSON.readValue(JSON.writeValueAsString(spec), LinkedHashMap.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("a spec that is not JSON", e);
    }
  }

  /** A map in the order written, so rendered YAML reads the same on every run. */
  public static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
