package io.streampipe.cli.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.streampipe.api.PipelineDocument;
import io.streampipe.api.cql.CqlStatements;
import io.streampipe.api.cql.TableDefinition;

/** The pipeline's table as the benchmark uses it: emptied between runs, counted after a job run. */
final class BenchTable {
  private final CqlSession session;
  private final TableDefinition table;

  BenchTable(CqlSession session, PipelineDocument pipeline) {
    this.session = session;
    this.table = TableDefinition.desired(pipeline.spec());
  }

  String upsertCql() {
    return CqlStatements.upsert(table);
  }

  void truncate() {
    session.execute("TRUNCATE " + qualified());
  }

  /** Checks the job's accounting and the table against the workload; says what it found. */
  String check(JobDrain.Result drained, Workload workload) {
    long rows = countRows();
    var totals = drained.totals();
    boolean ok =
        rows == workload.distinctKeys()
            && totals.read() == workload.events().size()
            && totals.deadLettered() == workload.invalid();
    return String.format(
        "%s: %,d rows, %,d dead letters, %d batches, %.1f s",
        ok ? "ok" : "MISMATCH", rows, totals.deadLettered(), drained.batches(), drained.seconds());
  }

  /**
   * Pages through the primary keys on the client: a server-side COUNT(*) over half a million rows
   * failed on the forked node's small heap.
   */
  private long countRows() {
    String key =
        table.partitionKey().stream()
            .map(k -> '"' + k + '"')
            .reduce((a, b) -> a + ", " + b)
            .orElseThrow();
    var select =
        SimpleStatement.newInstance("SELECT " + key + " FROM " + qualified()).setPageSize(5_000);
    long rows = 0;
    for (var ignored : session.execute(select)) {
      rows++;
    }
    return rows;
  }

  private String qualified() {
    return CqlStatements.qualified(table.keyspace(), table.table());
  }
}
