package io.streampipe.operator.dependent;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Optional;

/** Picks the Strimzi API version to speak: v1 (Strimzi 0.49+) or v1beta2 (Strimzi 0.4x). */
public final class TopicApiVersion {
  public static final String CRD = "kafkatopics.kafka.strimzi.io";
  public static final String V1 = "v1";
  public static final String V1BETA2 = "v1beta2";

  private TopicApiVersion() {}

  /** The version to speak for a Strimzi CRD, empty when the cluster does not have it. */
  public static Optional<String> served(KubernetesClient client, String crdName) {
    return Optional.ofNullable(
            client.apiextensions().v1().customResourceDefinitions().withName(crdName).get())
        .map(TopicApiVersion::of);
  }

  /** v1 when served, else v1beta2 when served, else v1. */
  public static String of(CustomResourceDefinition crd) {
    List<String> served =
        crd.getSpec().getVersions().stream()
            .filter(v -> Boolean.TRUE.equals(v.getServed()))
            .map(CustomResourceDefinitionVersion::getName)
            .toList();
    if (served.contains(V1)) {
      return V1;
    }
    return served.contains(V1BETA2) ? V1BETA2 : V1;
  }
}
