package io.streampipe.operator.dependent;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.streampipe.api.JobContract;
import io.streampipe.operator.StreamingPipeline;
import io.streampipe.operator.desired.DesiredConfigMap;
import io.streampipe.operator.desired.Names;
import java.util.Optional;

/** The ConfigMap with the pipeline document the job reads. */
public class SpecConfigMapDependent
    extends CRUDKubernetesDependentResource<ConfigMap, StreamingPipeline> {
  public static final String NAME = "config";

  public SpecConfigMapDependent() {
    super(ConfigMap.class);
  }

  /** The pipeline document the ConfigMap holds: the last spec applied, if any was. */
  public static Optional<String> lastApplied(
      StreamingPipeline primary, Context<StreamingPipeline> context) {
    String name = Names.configMap(primary.getMetadata().getName());
    return context
        .getSecondaryResourcesAsStream(ConfigMap.class)
        .filter(c -> name.equals(c.getMetadata().getName()))
        .findFirst()
        .map(c -> c.getData().get(JobContract.SPEC_FILE_NAME));
  }

  @Override
  protected ConfigMap desired(StreamingPipeline primary, Context<StreamingPipeline> context) {
    return DesiredConfigMap.build(Pipelines.resolved(context));
  }
}
