package io.streampipe.operator.dependent;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.api.reconciler.dependent.ReconcileResult;
import io.streampipe.operator.StreamingPipeline;
import java.util.Optional;

/**
 * Takes the place of an optional kind's dependent (KafkaTopic, PodMonitor) where the cluster lacks
 * its CRD: it owns and watches nothing, so no informer asks for a kind the cluster does not serve.
 *
 * <p>Not a JOSDK activation condition, for two reasons seen in 5.2.3: the workflow builds the
 * dependent's informer to deregister it even while inactive, and fabric8 cannot build one for an
 * unserved kind, so every reconcile failed; and an inactive node has all its dependents marked for
 * deletion (WorkflowReconcileExecutor.markDependentsForDelete), which for the topics would delete
 * the ConfigMap and the SparkApplication. {@link TopicsReady} keeps those waiting instead.
 */
public class AbsentKind implements DependentResource<GenericKubernetesResource, StreamingPipeline> {
  private final String name;

  public AbsentKind(String name) {
    this.name = name;
  }

  @Override
  public ReconcileResult<GenericKubernetesResource> reconcile(
      StreamingPipeline primary, Context<StreamingPipeline> context) {
    return ReconcileResult.noOperation(null);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Class<GenericKubernetesResource> resourceType() {
    return GenericKubernetesResource.class;
  }

  @Override
  public Optional<GenericKubernetesResource> getSecondaryResource(
      StreamingPipeline primary, Context<StreamingPipeline> context) {
    return Optional.empty();
  }
}
