package io.streampipe.operator.dependent;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.api.reconciler.dependent.ReconcileResult;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.streampipe.operator.StreamingPipeline;
import io.streampipe.operator.desired.ResolvedPipeline;
import io.streampipe.operator.schema.CassandraCredentials;
import io.streampipe.operator.schema.SchemaOutcome;
import io.streampipe.operator.schema.SchemaService;
import java.util.Optional;

/**
 * The Cassandra keyspace and table, an external dependent: each reconcile observes the table and
 * applies only safe changes through the shared provisioning code. Deletion follows the deletion
 * policy in {@link io.streampipe.operator.PipelineCleanup}, so it is not a Deleter here.
 */
public class CassandraSchemaDependent
    implements DependentResource<SchemaOutcome, StreamingPipeline> {
  public static final String NAME = "schema";

  private final SchemaService schemas;

  public CassandraSchemaDependent(SchemaService schemas) {
    this.schemas = schemas;
  }

  @Override
  public ReconcileResult<SchemaOutcome> reconcile(
      StreamingPipeline primary, Context<StreamingPipeline> context) {
    ResolvedPipeline pipeline = Pipelines.resolved(context);
    SchemaOutcome outcome = ensure(pipeline, context);
    context.managedWorkflowAndDependentResourceContext().put(SchemaOutcome.class, outcome);
    return outcome.changed()
        ? ReconcileResult.resourceUpdated(outcome)
        : ReconcileResult.noOperation(outcome);
  }

  private SchemaOutcome ensure(ResolvedPipeline pipeline, Context<StreamingPipeline> context) {
    String secret = pipeline.spec().getSink().getCassandra().getCredentialsSecret();
    if (secret == null) {
      return schemas.ensure(pipeline, Optional.empty());
    }
    Optional<CassandraCredentials> credentials =
        CassandraCredentials.read(context.getClient(), pipeline.namespace(), secret);
    if (credentials.isEmpty()) {
      return SchemaService.credentialsMissing(pipeline, secret);
    }
    return schemas.ensure(pipeline, credentials);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Class<SchemaOutcome> resourceType() {
    return SchemaOutcome.class;
  }

  @Override
  public Optional<SchemaOutcome> getSecondaryResource(
      StreamingPipeline primary, Context<StreamingPipeline> context) {
    return context
        .managedWorkflowAndDependentResourceContext()
        .get(SchemaOutcome.class, SchemaOutcome.class);
  }

  /** The table matches the spec and the cluster agrees on it. */
  public static class SchemaReady implements Condition<SchemaOutcome, StreamingPipeline> {
    @Override
    public boolean isMet(
        DependentResource<SchemaOutcome, StreamingPipeline> dependent,
        StreamingPipeline primary,
        Context<StreamingPipeline> context) {
      return dependent
          .getSecondaryResource(primary, context)
          .map(SchemaOutcome::isReady)
          .orElse(false);
    }
  }
}
