package io.streampipe.operator.dependent;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.streampipe.operator.StreamingPipeline;
import io.streampipe.operator.desired.DesiredCheckpointClaim;

/**
 * The checkpoint volume claim. Created once and never updated or deleted by the workflow: a claim
 * is mostly immutable and its data outlives job restarts; deletion follows the deletion policy.
 */
public class CheckpointClaimDependent
    extends KubernetesDependentResource<PersistentVolumeClaim, StreamingPipeline>
    implements Creator<PersistentVolumeClaim, StreamingPipeline> {
  public static final String NAME = "checkpoint";

  public CheckpointClaimDependent() {
    super(PersistentVolumeClaim.class);
  }

  @Override
  protected PersistentVolumeClaim desired(
      StreamingPipeline primary, Context<StreamingPipeline> context) {
    return DesiredCheckpointClaim.build(Pipelines.resolved(context));
  }
}
