package io.streampipe.provisioning;

import io.streampipe.api.cql.CqlStatements;
import io.streampipe.api.cql.KeyspaceDefinition;
import io.streampipe.api.cql.TableDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Cassandra schema held in memory, for the tests of callers such as the operator. It decides
 * exactly as {@link CqlSchemaProvisioner} does (same validation, same plan) and records the DDL it
 * would have sent, so a test can assert on what reached "Cassandra".
 */
public final class InMemorySchemaProvisioner implements CassandraSchemaProvisioner {
  private final Map<String, KeyspaceDefinition> keyspaces = new HashMap<>();
  private final Map<String, TableDefinition> tables = new HashMap<>();
  private final List<String> executed = new ArrayList<>();

  @Override
  public synchronized SchemaState observe(String keyspace, String table) {
    CqlStatements.qualified(keyspace, table);
    if (!keyspaces.containsKey(keyspace)) {
      return SchemaState.keyspaceAbsent();
    }
    TableDefinition existing = tables.get(key(keyspace, table));
    return existing == null ? SchemaState.tableAbsent() : SchemaState.present(existing);
  }

  @Override
  public synchronized SchemaResult ensure(KeyspaceDefinition keyspace, TableDefinition desired) {
    SchemaChange change = SchemaChange.decide(observe(keyspace, desired), keyspace, desired);
    if (change.isRefused()) {
      return SchemaResult.refusal(change.refused());
    }
    if (!change.statements().isEmpty()) {
      // A safe plan moves the table exactly to the desired one; no need to interpret the CQL.
      keyspaces.putIfAbsent(keyspace.name(), keyspace);
      tables.put(key(desired.keyspace(), desired.table()), desired);
      executed.addAll(change.statements());
    }
    return new SchemaResult(
        change.createsKeyspace(), change.createsTable(), change.statements(), List.of(), true);
  }

  @Override
  public synchronized void dropTable(String keyspace, String table) {
    executed.add(CqlStatements.dropTable(keyspace, table));
    tables.remove(key(keyspace, table));
  }

  /** Puts a table in place as if someone else had created it. */
  public synchronized void put(KeyspaceDefinition keyspace, TableDefinition table) {
    SchemaChange.validate(keyspace, table);
    keyspaces.putIfAbsent(keyspace.name(), keyspace);
    tables.put(key(table.keyspace(), table.table()), table);
  }

  /** Every DDL statement "sent" so far, in order. */
  public synchronized List<String> executed() {
    return List.copyOf(executed);
  }

  public synchronized boolean keyspaceExists(String keyspace) {
    return keyspaces.containsKey(keyspace);
  }

  private static String key(String keyspace, String table) {
    return keyspace + "." + table;
  }
}
