package io.streampipe.provisioning;

import io.streampipe.api.cql.TableDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether an existing table can take the rows a writer produces. Extra columns and another TTL are
 * fine for a writer; a missing column, another type or another key would fail or corrupt writes.
 */
public final class TableProbe {
  private TableProbe() {}

  /** One sentence per reason the writer cannot use the table; empty when it can. */
  public static List<String> problems(SchemaState state, TableDefinition expected) {
    String name = expected.keyspace() + "." + expected.table();
    return switch (state.presence()) {
      case KEYSPACE_ABSENT -> List.of("keyspace " + expected.keyspace() + " does not exist");
      case TABLE_ABSENT -> List.of("table " + name + " does not exist");
      case PRESENT -> mismatches(state.existing().orElseThrow(), expected, name);
    };
  }

  private static List<String> mismatches(
      TableDefinition existing, TableDefinition expected, String name) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> column : expected.columns().entrySet()) {
      String actual = existing.columns().get(column.getKey());
      if (actual == null) {
        problems.add("table " + name + " has no column " + column.getKey());
      } else if (!actual.equals(column.getValue())) {
        problems.add(
            "column "
                + column.getKey()
                + " of "
                + name
                + " is "
                + actual
                + ", not "
                + column.getValue());
      }
    }
    if (!existing.primaryKey().equals(expected.primaryKey())
        || !existing.partitionKey().equals(expected.partitionKey())) {
      problems.add(
          "table "
              + name
              + " has primary key partition "
              + existing.partitionKey()
              + " clustering "
              + existing.clusteringColumns()
              + ", not partition "
              + expected.partitionKey()
              + " clustering "
              + expected.clusteringColumns());
    }
    return problems;
  }
}
