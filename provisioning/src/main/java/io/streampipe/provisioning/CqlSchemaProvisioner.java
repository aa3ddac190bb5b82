package io.streampipe.provisioning;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import io.streampipe.api.cql.CqlStatements;
import io.streampipe.api.cql.KeyspaceDefinition;
import io.streampipe.api.cql.TableDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The schema provisioner over a driver session: reads {@code system_schema}, sends DDL. */
public final class CqlSchemaProvisioner implements CassandraSchemaProvisioner {
  /** Beyond the driver's own wait after each statement, how long to poll for agreement. */
  public static final Duration DEFAULT_AGREEMENT_WAIT = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(CqlSchemaProvisioner.class);

  private final CqlSession session;
  private final SchemaAgreement agreement;

  public CqlSchemaProvisioner(CqlSession session) {
    this(session, DEFAULT_AGREEMENT_WAIT);
  }

  public CqlSchemaProvisioner(CqlSession session, Duration agreementWait) {
    this.session = session;
    this.agreement = new SchemaAgreement(session, agreementWait);
  }

  @Override
  public SchemaState observe(String keyspace, String table) {
    CqlStatements.qualified(keyspace, table);
    if (session.execute(SystemSchemaColumns.KEYSPACE_QUERY, keyspace).one() == null) {
      return SchemaState.keyspaceAbsent();
    }
    Row tableRow = session.execute(SystemSchemaColumns.TABLE_QUERY, keyspace, table).one();
    if (tableRow == null) {
      return SchemaState.tableAbsent();
    }
    List<SystemSchemaColumns.Column> columns = new ArrayList<>();
    for (Row row : session.execute(SystemSchemaColumns.COLUMNS_QUERY, keyspace, table)) {
      columns.add(
          new SystemSchemaColumns.Column(
              row.getString("column_name"),
              row.getString("kind"),
              row.getInt("position"),
              row.getString("type")));
    }
    long ttl = tableRow.getInt("default_time_to_live");
    return SchemaState.present(SystemSchemaColumns.toTable(keyspace, table, columns, ttl));
  }

  @Override
  public SchemaResult ensure(KeyspaceDefinition keyspace, TableDefinition desired) {
    SchemaChange change = SchemaChange.decide(observe(keyspace, desired), keyspace, desired);
    String name = desired.keyspace() + "." + desired.table();
    if (change.isRefused()) {
      LOG.warn("refusing to change table {}: {}", name, change.refused());
      return SchemaResult.refusal(change.refused());
    }
    Applied applied = apply(change.statements(), name);
    // Stopped early for lack of agreement: report only what was really created.
    boolean complete = applied.statements().size() == change.statements().size();
    return new SchemaResult(
        change.createsKeyspace() && !applied.statements().isEmpty(),
        change.createsTable() && complete,
        applied.statements(),
        List.of(),
        applied.agreed());
  }

  @Override
  public void dropTable(String keyspace, String table) {
    String statement = CqlStatements.dropTable(keyspace, table);
    LOG.info("{}", statement);
    if (!execute(statement)) {
      LOG.warn("no schema agreement yet after {}", statement);
    }
  }

  /** Runs the statements in order, stopping at the first the cluster does not agree on. */
  private Applied apply(List<String> statements, String name) {
    List<String> applied = new ArrayList<>();
    for (String statement : statements) {
      LOG.info("table {}: {}", name, statement);
      boolean agreed = execute(statement);
      applied.add(statement);
      if (!agreed) {
        LOG.warn("table {}: no schema agreement yet; stopping after {}", name, statement);
        return new Applied(applied, false);
      }
    }
    return new Applied(applied, true);
  }

  private record Applied(List<String> statements, boolean agreed) {}

  /** Runs one DDL statement and waits, bounded, until every node knows the new schema. */
  private boolean execute(String statement) {
    ResultSet result = session.execute(statement);
    return result.getExecutionInfo().isSchemaInAgreement() || agreement.await();
  }
}
