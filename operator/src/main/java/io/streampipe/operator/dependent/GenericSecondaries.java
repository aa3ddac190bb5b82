package io.streampipe.operator.dependent;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.streampipe.operator.StreamingPipeline;
import java.util.Optional;

/**
 * Finds a generic secondary resource by kind and name. Several dependents share the Java type
 * GenericKubernetesResource, and JOSDK's lookup by type alone can return another kind's resource.
 */
final class GenericSecondaries {
  private GenericSecondaries() {}

  static Optional<GenericKubernetesResource> find(
      Context<StreamingPipeline> context, String kind, String name) {
    return context
        .getSecondaryResourcesAsStream(GenericKubernetesResource.class)
        .filter(r -> kind.equals(r.getKind()) && name.equals(r.getMetadata().getName()))
        .findFirst();
  }
}
