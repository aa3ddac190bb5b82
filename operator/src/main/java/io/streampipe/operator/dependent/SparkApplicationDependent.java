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
import io.streampipe.operator.desired.DesiredSparkApplication;
import io.streampipe.operator.desired.Names;
import io.streampipe.operator.suspend.Suspension;

/** The SparkApplication running the job; the Spark operator turns it into driver and executors. */
public class SparkApplicationDependent extends GenericKubernetesDependentResource<StreamingPipeline>
    implements Creator<GenericKubernetesResource, StreamingPipeline>,
        Updater<GenericKubernetesResource, StreamingPipeline>,
        GarbageCollected<StreamingPipeline> {
  public static final String NAME = "job";
  public static final GroupVersionKind GVK =
      new GroupVersionKind(DesiredSparkApplication.API_VERSION, DesiredSparkApplication.KIND);

  public SparkApplicationDependent() {
    super(GVK);
  }

  public static String resourceName(StreamingPipeline pipeline) {
    return Names.sparkApplication(pipeline.getMetadata().getName());
  }

  @Override
  public java.util.Optional<GenericKubernetesResource> getSecondaryResource(
      StreamingPipeline primary, Context<StreamingPipeline> context) {
    return GenericSecondaries.find(context, DesiredSparkApplication.KIND, resourceName(primary));
  }

  @Override
  protected GenericKubernetesResource desired(
      StreamingPipeline primary, Context<StreamingPipeline> context) {
    return DesiredSparkApplication.build(Pipelines.resolved(context));
  }

  /**
   * A suspended pipeline has no SparkApplication: JOSDK deletes it, the Spark operator deletes the
   * driver, and the job's shutdown hook lets the batch in flight finish and commit.
   */
  public static class JobWanted implements Condition<GenericKubernetesResource, StreamingPipeline> {
    @Override
    public boolean isMet(
        DependentResource<GenericKubernetesResource, StreamingPipeline> dependent,
        StreamingPipeline primary,
        Context<StreamingPipeline> context) {
      return !Suspension.of(context).suspended();
    }
  }
}
