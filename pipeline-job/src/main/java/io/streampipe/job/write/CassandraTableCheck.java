package io.streampipe.job.write;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;
import io.streampipe.api.cql.CqlStatements;
import io.streampipe.job.plan.JobPlan;
import io.streampipe.job.plan.JobSettings;
import io.streampipe.job.resources.JobResources;
import java.util.List;
import java.util.Optional;

/**
 * Fails fast, before any record is read, when the table the job writes to is absent or lacks a
 * column: provisioning is not this job's business, and a clear message beats a failed batch.
 */
public final class CassandraTableCheck {
  private CassandraTableCheck() {}

  public static void require(JobSettings settings, JobPlan plan) {
    CqlSession session = JobResources.shared().cassandra().session(settings);
    String name = CqlStatements.qualified(plan.keyspace(), plan.table());
    TableMetadata table =
        find(session, plan)
            .or(() -> find(refreshed(session), plan))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "table "
                            + name
                            + " does not exist in Cassandra at "
                            + settings.contactPoints()
                            + "; it is created when the pipeline is provisioned (by the operator"
                            + " or the streampipe CLI), not by the job"));
    List<String> missing =
        plan.columns().stream()
            .filter(c -> table.getColumn(CqlIdentifier.fromInternal(c)).isEmpty())
            .toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("table " + name + " lacks the columns " + missing);
    }
    JobResources.shared().cassandra().prepared(settings, plan.upsertCql());
  }

  private static Optional<TableMetadata> find(CqlSession session, JobPlan plan) {
    return session
        .getMetadata()
        .getKeyspace(CqlIdentifier.fromInternal(plan.keyspace()))
        .flatMap(k -> k.getTable(CqlIdentifier.fromInternal(plan.table())));
  }

  private static CqlSession refreshed(CqlSession session) {
    session.refreshSchema();
    return session;
  }
}
