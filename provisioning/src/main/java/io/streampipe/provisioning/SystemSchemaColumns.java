package io.streampipe.provisioning;

import io.streampipe.api.cql.TableDefinition;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the rows of {@code system_schema.columns} for one table into an api table definition. */
final class SystemSchemaColumns {
  static final String KEYSPACE_QUERY =
      "SELECT keyspace_name FROM system_schema.keyspaces WHERE keyspace_name = ?";
  static final String TABLE_QUERY =
      "SELECT default_time_to_live FROM system_schema.tables"
          + " WHERE keyspace_name = ? AND table_name = ?";
  static final String COLUMNS_QUERY =
      "SELECT column_name, kind, position, type FROM system_schema.columns"
          + " WHERE keyspace_name = ? AND table_name = ?";

  /**
   * One row of {@code system_schema.columns}.
   *
   * @param kind partition_key, clustering, regular or static
   * @param position the place within the partition key or clustering columns, -1 otherwise
   */
  record Column(String name, String kind, int position, String type) {}

  private SystemSchemaColumns() {}

  /**
   * The table these rows describe. Columns come key columns first, each in key order, then the
   * others by name (system_schema keeps no declaration order).
   */
  static TableDefinition toTable(
      String keyspace, String table, List<Column> rows, long defaultTtlSeconds) {
    List<String> partitionKey = keyColumns(rows, "partition_key");
    List<String> clustering = keyColumns(rows, "clustering");
    Map<String, String> columns = new LinkedHashMap<>();
    for (String key : partitionKey) {
      columns.put(key, typeOf(rows, key));
    }
    for (String key : clustering) {
      columns.put(key, typeOf(rows, key));
    }
    rows.stream()
        .sorted(Comparator.comparing(Column::name))
        .forEach(c -> columns.putIfAbsent(c.name(), c.type()));
    return new TableDefinition(
        keyspace, table, columns, partitionKey, clustering, defaultTtlSeconds);
  }

  private static List<String> keyColumns(List<Column> rows, String kind) {
    return rows.stream()
        .filter(c -> c.kind().equals(kind))
        .sorted(Comparator.comparingInt(Column::position))
        .map(Column::name)
        .toList();
  }

  private static String typeOf(List<Column> rows, String name) {
    return rows.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().type();
  }
}
