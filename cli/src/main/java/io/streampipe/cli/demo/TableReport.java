package io.streampipe.cli.demo;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.ColumnDefinition;
import com.datastax.oss.driver.api.core.cql.Row;
import io.streampipe.api.cql.CqlStatements;
import io.streampipe.api.cql.TableDefinition;
import io.streampipe.cli.TableRows;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** What is in the table after a run: row count, a few rows, and the TTL as Cassandra reports it. */
public record TableReport(
    long rows, List<String> samples, long defaultTtlSeconds, OptionalLong sampleTtlSeconds) {

  public static TableReport read(CqlSession session, TableDefinition table, int sampleCount) {
    String qualified = CqlStatements.qualified(table.keyspace(), table.table());
    long rows = TableRows.count(session, table);
    List<String> samples = new ArrayList<>();
    for (Row row : session.execute("SELECT * FROM " + qualified + " LIMIT " + sampleCount)) {
      samples.add(describe(row));
    }
    Row options =
        session
            .execute(
                "SELECT default_time_to_live FROM system_schema.tables WHERE keyspace_name = ? AND table_name = ?",
                table.keyspace(),
                table.table())
            .one();
    return new TableReport(
        rows,
        samples,
        options == null ? -1 : options.getInt(0),
        sampleTtl(session, table, qualified));
  }

  /** The remaining TTL of one row's first non-key column, read back with CQL's TTL(). */
  private static OptionalLong sampleTtl(
      CqlSession session, TableDefinition table, String qualified) {
    String column =
        table.columns().keySet().stream()
            .filter(c -> !table.primaryKey().contains(c))
            .findFirst()
            .orElse(null);
    if (column == null) {
      return OptionalLong.empty();
    }
    String quoted = io.streampipe.api.CqlIdentifiers.quote(column);
    for (Row row : session.execute("SELECT TTL(" + quoted + ") FROM " + qualified + " LIMIT 20")) {
      if (!row.isNull(0)) {
        return OptionalLong.of(row.getInt(0));
      }
    }
    return OptionalLong.empty();
  }

  private static String describe(Row row) {
    StringBuilder text = new StringBuilder();
    for (ColumnDefinition column : row.getColumnDefinitions()) {
      Object value = row.getObject(column.getName());
      if (value != null) {
        text.append(text.length() == 0 ? "" : ", ")
            .append(column.getName().asInternal())
            .append('=')
            .append(value);
      }
    }
    return text.toString();
  }
}
