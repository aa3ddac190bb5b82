package io.streampipe.operator.dependent;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.GroupVersionKind;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.Updater;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.GenericKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.streampipe.operator.StreamingPipeline;
import io.streampipe.operator.desired.DesiredPodMonitor;
import io.streampipe.operator.desired.Names;

/**
 * The PodMonitor for the driver's metrics, only where the Prometheus Operator was installed when
 * the operator started (else {@link AbsentKind} stands in).
 */
public class PodMonitorDependent extends GenericKubernetesDependentResource<StreamingPipeline>
    implements Creator<GenericKubernetesResource, StreamingPipeline>,
        Updater<GenericKubernetesResource, StreamingPipeline>,
        GarbageCollected<StreamingPipeline> {
  public static final String NAME = "monitor";
  public static final GroupVersionKind GVK =
      new GroupVersionKind(DesiredPodMonitor.API_VERSION, DesiredPodMonitor.KIND);

  public PodMonitorDependent() {
    super(GVK);
  }

  public static String resourceName(StreamingPipeline pipeline) {
    return Names.podMonitor(pipeline.getMetadata().getName());
  }

  @Override
  public java.util.Optional<GenericKubernetesResource> getSecondaryResource(
      StreamingPipeline primary, Context<StreamingPipeline> context) {
    return GenericSecondaries.find(context, DesiredPodMonitor.KIND, resourceName(primary));
  }

  @Override
  protected GenericKubernetesResource desired(
      StreamingPipeline primary, Context<StreamingPipeline> context) {
    return DesiredPodMonitor.build(Pipelines.resolved(context));
  }

  /** The user may switch metrics off; then no PodMonitor (and an existing one goes). */
  public static class MetricsEnabled
      implements Condition<GenericKubernetesResource, StreamingPipeline> {
    @Override
    public boolean isMet(
        DependentResource<GenericKubernetesResource, StreamingPipeline> dependent,
        StreamingPipeline primary,
        Context<StreamingPipeline> context) {
      return Pipelines.resolved(context).spec().getMonitoring().getPrometheus().isEnabled();
    }
  }
}
