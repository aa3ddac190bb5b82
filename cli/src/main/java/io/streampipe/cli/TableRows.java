package io.streampipe.cli;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.streampipe.api.CqlIdentifiers;
import io.streampipe.api.cql.CqlStatements;
import io.streampipe.api.cql.TableDefinition;
import java.util.stream.Collectors;

/**
 * Counts a table's rows by paging through its partition keys on the client: a server-side COUNT(*)
 * over hundreds of thousands of rows runs out of heap on the small embedded node.
 */
public final class TableRows {
  private static final int PAGE_SIZE = 5_000;

  private TableRows() {}

  public static long count(CqlSession session, TableDefinition table) {
    String key =
        table.partitionKey().stream().map(CqlIdentifiers::quote).collect(Collectors.joining(", "));
    String qualified = CqlStatements.qualified(table.keyspace(), table.table());
    var select =
        SimpleStatement.newInstance("SELECT " + key + " FROM " + qualified).setPageSize(PAGE_SIZE);
    long rows = 0;
    for (var ignored : session.execute(select)) {
      rows++;
    }
    return rows;
  }
}
