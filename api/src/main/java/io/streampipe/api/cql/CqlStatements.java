package io.streampipe.api.cql;

import static io.streampipe.api.CqlIdentifiers.quote;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders the CQL the platform runs. Every identifier passes {@link
 * io.streampipe.api.CqlIdentifiers#quote}, so a name outside the allowed set fails here, before any
 * statement exists.
 */
public final class CqlStatements {
  private CqlStatements() {}

  public static String createKeyspace(KeyspaceDefinition keyspace) {
    return "CREATE KEYSPACE IF NOT EXISTS "
        + quote(keyspace.name())
        + " WITH replication = "
        + replicationMap(keyspace.replication());
  }

  public static String createTable(TableDefinition table) {
    String columns =
        table.columns().entrySet().stream()
            .map(c -> quote(c.getKey()) + " " + cqlType(c.getValue()))
            .collect(Collectors.joining(", "));
    return "CREATE TABLE IF NOT EXISTS "
        + qualified(table.keyspace(), table.table())
        + " ("
        + columns
        + ", PRIMARY KEY ("
        + primaryKey(table)
        + "))"
        + " WITH default_time_to_live = "
        + table.defaultTtlSeconds();
  }

  public static String addColumn(String keyspace, String table, String column, String type) {
    return "ALTER TABLE "
        + qualified(keyspace, table)
        + " ADD "
        + quote(column)
        + " "
        + cqlType(type);
  }

  public static String setDefaultTtl(String keyspace, String table, long seconds) {
    if (seconds < 0) {
      throw new IllegalArgumentException("a TTL cannot be negative: " + seconds);
    }
    return "ALTER TABLE " + qualified(keyspace, table) + " WITH default_time_to_live = " + seconds;
  }

  public static String dropTable(String keyspace, String table) {
    return "DROP TABLE IF EXISTS " + qualified(keyspace, table);
  }

  /** The prepared upsert of one row: INSERT in Cassandra overwrites, so a replay is harmless. */
  public static String upsert(TableDefinition table) {
    List<String> names = List.copyOf(table.columns().keySet());
    return "INSERT INTO "
        + qualified(table.keyspace(), table.table())
        + " ("
        + names.stream().map(n -> quote(n)).collect(Collectors.joining(", "))
        + ") VALUES ("
        + names.stream().map(n -> "?").collect(Collectors.joining(", "))
        + ")";
  }

  /**
   * The upsert with its write time as the last bind variable: rows of one batch may then each carry
   * their own, which the protocol's per-request timestamp cannot. Left unset, the time is the
   * request's.
   */
  public static String upsertWithWriteTime(TableDefinition table) {
    return upsert(table) + " USING TIMESTAMP ?";
  }

  public static String qualified(String keyspace, String table) {
    return quote(keyspace) + "." + quote(table);
  }

  private static String primaryKey(TableDefinition table) {
    String partition =
        table.partitionKey().stream().map(c -> quote(c)).collect(Collectors.joining(", "));
    String partitionPart = table.partitionKey().size() == 1 ? partition : "(" + partition + ")";
    if (table.clusteringColumns().isEmpty()) {
      return partitionPart;
    }
    return partitionPart
        + ", "
        + table.clusteringColumns().stream().map(c -> quote(c)).collect(Collectors.joining(", "));
  }

  private static String replicationMap(Map<String, String> options) {
    return options.entrySet().stream()
        .map(e -> "'" + literal(e.getKey()) + "': '" + literal(e.getValue()) + "'")
        .collect(Collectors.joining(", ", "{", "}"));
  }

  /** Datacenter names come from the spec; a quote inside a CQL string literal is doubled. */
  private static String literal(String text) {
    return text.replace("'", "''");
  }

  private static String cqlType(String type) {
    if (!type.matches("^[a-z]+$")) {
      throw new IllegalArgumentException("refusing CQL type '" + type + "'");
    }
    return type;
  }
}
