package io.streampipe.operator.dependent;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.streampipe.operator.StreamingPipeline;
import io.streampipe.operator.desired.DesiredConfigMap;

/** The ConfigMap with the pipeline document the job reads. */
public class SpecConfigMapDependent
    extends CRUDKubernetesDependentResource<ConfigMap, StreamingPipeline> {
  public static final String NAME = "config";

  public SpecConfigMapDependent() {
    super(ConfigMap.class);
  }

  @Override
  protected ConfigMap desired(StreamingPipeline primary, Context<StreamingPipeline> context) {
    return DesiredConfigMap.build(Pipelines.resolved(context));
  }
}
