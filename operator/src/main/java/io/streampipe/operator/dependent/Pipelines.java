package io.streampipe.operator.dependent;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.streampipe.operator.StreamingPipeline;
import io.streampipe.operator.desired.ResolvedPipeline;

/** Reads the resolved pipeline the reconciler put into the workflow context for this reconcile. */
public final class Pipelines {
  private Pipelines() {}

  public static ResolvedPipeline resolved(Context<StreamingPipeline> context) {
    return context
        .managedWorkflowAndDependentResourceContext()
        .getMandatory(ResolvedPipeline.class, ResolvedPipeline.class);
  }
}
