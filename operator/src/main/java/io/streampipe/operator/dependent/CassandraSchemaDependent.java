package io.streampipe.operator.dependent;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.streampipe.api.cql.TableDefinition;
import io.streampipe.operator.OperatorConfig;
import io.streampipe.operator.StreamingPipeline;
import io.streampipe.operator.desired.ResolvedPipeline;
import io.streampipe.operator.schema.CassandraCredentials;
import io.streampipe.operator.schema.SchemaObservation;
import io.streampipe.operator.schema.SchemaOutcome;
import io.streampipe.operator.schema.SchemaService;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The Cassandra keyspace and table, an external dependent the framework polls: fetch observes the
 * table, create and update apply only safe changes through the shared provisioning code. Deletion
 * follows the deletion policy in {@link io.streampipe.operator.PipelineCleanup}, so it is not a
 * Deleter here.
 */
public class CassandraSchemaDependent extends PolledDependent<SchemaObservation> {
  public static final String NAME = "schema";

  private final SchemaService schemas;

  public CassandraSchemaDependent(SchemaService schemas, OperatorConfig config) {
    super(SchemaObservation.class, NAME, config);
    this.schemas = schemas;
  }

  /** The outcome the status and the ready condition report, from the observation alone. */
  public static SchemaOutcome outcome(SchemaObservation observed, ResolvedPipeline pipeline) {
    return SchemaOutcome.of(observed, TableDefinition.desired(pipeline.spec()));
  }

  @Override
  protected Optional<SchemaObservation> observe(
      ResolvedPipeline pipeline, KubernetesClient client) {
    return Optional.of(withCredentials(pipeline, client, schemas::observe));
  }

  @Override
  protected SchemaObservation apply(ResolvedPipeline pipeline, KubernetesClient client) {
    return withCredentials(pipeline, client, schemas::apply);
  }

  private static SchemaObservation withCredentials(
      ResolvedPipeline pipeline,
      KubernetesClient client,
      BiFunction<ResolvedPipeline, Optional<CassandraCredentials>, SchemaObservation> action) {
    String secret = pipeline.spec().getSink().getCassandra().getCredentialsSecret();
    if (secret == null) {
      return action.apply(pipeline, Optional.empty());
    }
    Optional<CassandraCredentials> credentials =
        CassandraCredentials.read(client, pipeline.namespace(), secret);
    if (credentials.isEmpty()) {
      return SchemaService.credentialsMissing(pipeline, secret);
    }
    return action.apply(pipeline, credentials);
  }

  @Override
  protected SchemaObservation desired(ResolvedPipeline pipeline) {
    return SchemaObservation.present(TableDefinition.desired(pipeline.spec()), true);
  }

  @Override
  protected boolean needsApply(SchemaObservation observed, ResolvedPipeline pipeline) {
    return SchemaOutcome.needsApply(observed, TableDefinition.desired(pipeline.spec()));
  }

  @Override
  protected boolean isReady(SchemaObservation observed, ResolvedPipeline pipeline) {
    return outcome(observed, pipeline).isReady();
  }

  /** The table matches the spec and the cluster agrees on it. */
  public static class SchemaReady implements Condition<SchemaObservation, StreamingPipeline> {
    @Override
    public boolean isMet(
        DependentResource<SchemaObservation, StreamingPipeline> dependent,
        StreamingPipeline primary,
        Context<StreamingPipeline> context) {
      ResolvedPipeline pipeline = Pipelines.resolved(context);
      return dependent
          .getSecondaryResource(primary, context)
          .map(o -> outcome(o, pipeline).isReady())
          .orElse(false);
    }
  }
}
