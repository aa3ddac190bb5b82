package io.streampipe.operator.dependent;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.streampipe.operator.StreamingPipeline;
import io.streampipe.operator.desired.DesiredIngestDeployment;
import io.streampipe.operator.desired.Names;
import java.util.Optional;

/** The Deployment running the ingester, only while the pipeline has {@code spec.ingest}. */
public class IngestDeploymentDependent
    extends CRUDKubernetesDependentResource<Deployment, StreamingPipeline> {
  public static final String NAME = "ingest";

  public IngestDeploymentDependent() {
    super(Deployment.class);
  }

  public static String resourceName(StreamingPipeline pipeline) {
    return Names.ingestDeployment(pipeline.getMetadata().getName());
  }

  /**
   * By name: JOSDK's default lookup builds the desired Deployment to learn its name, which it
   * cannot once spec.ingest is gone and the Deployment is to be deleted.
   */
  @Override
  public Optional<Deployment> getSecondaryResource(
      StreamingPipeline primary, Context<StreamingPipeline> context) {
    String name = resourceName(primary);
    return context
        .getSecondaryResourcesAsStream(Deployment.class)
        .filter(d -> name.equals(d.getMetadata().getName()))
        .findFirst();
  }

  @Override
  protected Deployment desired(StreamingPipeline primary, Context<StreamingPipeline> context) {
    return DesiredIngestDeployment.build(Pipelines.resolved(context));
  }

  /** No spec.ingest, no ingester: an existing Deployment goes when the field is removed. */
  public static class IngestWanted implements Condition<Deployment, StreamingPipeline> {
    @Override
    public boolean isMet(
        DependentResource<Deployment, StreamingPipeline> dependent,
        StreamingPipeline primary,
        Context<StreamingPipeline> context) {
      return Pipelines.resolved(context).spec().getIngest() != null;
    }
  }
}
