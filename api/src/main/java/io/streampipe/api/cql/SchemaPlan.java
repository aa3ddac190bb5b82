package io.streampipe.api.cql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What it takes to move an existing table to the desired one: the online changes Cassandra allows
 * (new columns, a new default TTL) and the changes refused because they would break data or readers
 * (primary key, column types, dropped columns).
 *
 * @param statements CQL to run, in order; empty when the table already matches
 * @param refused one human sentence per unsafe change; when not empty, nothing is applied
 */
public record SchemaPlan(List<String> statements, List<String> refused) {

  public SchemaPlan {
    statements = List.copyOf(statements);
    refused = List.copyOf(refused);
  }

  public boolean isNoop() {
    return statements.isEmpty() && refused.isEmpty();
  }

  /** Plans the change from {@code existing} to {@code desired}, for the same keyspace and table. */
  public static SchemaPlan between(TableDefinition existing, TableDefinition desired) {
    List<String> refused = new ArrayList<>();
    if (!existing.partitionKey().equals(desired.partitionKey())
        || !existing.clusteringColumns().equals(desired.clusteringColumns())) {
      refused.add(
          "primary key is "
              + keyText(existing)
              + " and cannot change to "
              + keyText(desired)
              + "; create a new table instead");
    }
    List<String> statements = new ArrayList<>();
    for (Map.Entry<String, String> column : desired.columns().entrySet()) {
      String current = existing.columns().get(column.getKey());
      if (current == null) {
        statements.add(
            CqlStatements.addColumn(
                desired.keyspace(), desired.table(), column.getKey(), column.getValue()));
      } else if (!Objects.equals(current, column.getValue())) {
        refused.add(
            "column "
                + column.getKey()
                + " is "
                + current
                + " and cannot change to "
                + column.getValue());
      }
    }
    for (String column : existing.columns().keySet()) {
      if (!desired.columns().containsKey(column)) {
        refused.add(
            "column " + column + " exists but is no longer declared; columns are never dropped");
      }
    }
    if (existing.defaultTtlSeconds() != desired.defaultTtlSeconds()) {
      statements.add(
          CqlStatements.setDefaultTtl(
              desired.keyspace(), desired.table(), desired.defaultTtlSeconds()));
    }
    return refused.isEmpty()
        ? new SchemaPlan(statements, List.of())
        : new SchemaPlan(List.of(), refused);
  }

  private static String keyText(TableDefinition table) {
    return "("
        + table.partitionKey()
        + (table.clusteringColumns().isEmpty() ? "" : ", " + table.clusteringColumns())
        + ")";
  }
}
