package io.streampipe.operator.dependent;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.Matcher.Result;
import io.javaoperatorsdk.operator.processing.dependent.Updater;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.streampipe.operator.StreamingPipeline;
import io.streampipe.operator.desired.CheckpointSize;
import io.streampipe.operator.desired.DesiredCheckpointClaim;
import io.streampipe.operator.util.Errors;

/**
 * The checkpoint volume claim. Created once; afterwards only its storage request is raised when the
 * spec's size grows, because the rest of a claim is immutable and a volume cannot shrink (a smaller
 * size is reported by the status, not sent). Deletion follows the deletion policy.
 */
public class CheckpointClaimDependent
    extends KubernetesDependentResource<PersistentVolumeClaim, StreamingPipeline>
    implements Creator<PersistentVolumeClaim, StreamingPipeline>,
        Updater<PersistentVolumeClaim, StreamingPipeline> {
  public static final String NAME = "checkpoint";

  /** Key of the API server's refusal to grow the claim, in the reconcile's workflow context. */
  public static final String RESIZE_REFUSED = "checkpointResizeRefused";

  public CheckpointClaimDependent() {
    super(PersistentVolumeClaim.class);
  }

  @Override
  protected PersistentVolumeClaim desired(
      StreamingPipeline primary, Context<StreamingPipeline> context) {
    return DesiredCheckpointClaim.build(Pipelines.resolved(context));
  }

  @Override
  public Result<PersistentVolumeClaim> match(
      PersistentVolumeClaim actual, StreamingPipeline primary, Context<StreamingPipeline> context) {
    PersistentVolumeClaim desired = desired(primary, context);
    return Result.computed(!CheckpointSize.grows(actual, size(desired)), desired);
  }

  @Override
  public PersistentVolumeClaim update(
      PersistentVolumeClaim actual,
      PersistentVolumeClaim desired,
      StreamingPipeline primary,
      Context<StreamingPipeline> context) {
    try {
      return context
          .getClient()
          .persistentVolumeClaims()
          .inNamespace(actual.getMetadata().getNamespace())
          .withName(actual.getMetadata().getName())
          .patch(
              PatchContext.of(PatchType.JSON_MERGE),
              context
                  .getClient()
                  .getKubernetesSerialization()
                  .asJson(CheckpointSize.growPatch(size(desired))));
    } catch (KubernetesClientException e) {
      // 403: the StorageClass does not allow expansion; 422: e.g. the claim is not bound yet.
      // Either is the cluster's answer to report, not a reason to stop the rest of the pipeline.
      if (e.getCode() != 403 && e.getCode() != 422) {
        throw e;
      }
      context.managedWorkflowAndDependentResourceContext().put(RESIZE_REFUSED, refusal(e));
      return actual;
    }
  }

  private static String size(PersistentVolumeClaim desired) {
    return CheckpointSize.requested(desired).orElseThrow().toString();
  }

  private static String refusal(KubernetesClientException e) {
    return e.getStatus() != null && e.getStatus().getMessage() != null
        ? e.getStatus().getMessage()
        : Errors.oneLine(e);
  }
}
