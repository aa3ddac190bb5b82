package io.streampipe.cli.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import io.streampipe.api.cql.CqlStatements;
import io.streampipe.api.cql.TableDefinition;
import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.cli.Provisioning;
import io.streampipe.cli.TableRows;
import io.streampipe.provisioning.CassandraConnection;
import io.streampipe.provisioning.CassandraSessions;
import java.time.Duration;

/** The pipeline's table as the benchmark uses it: emptied between runs, counted after a job run. */
final class BenchTable {
  private final CqlSession session;
  private final TableDefinition table;

  BenchTable(CqlSession session, ValidPipeline pipeline) {
    this.session = session;
    this.table = TableDefinition.desired(pipeline.spec());
  }

  String keyspace() {
    return table.keyspace();
  }

  /** Whether the table holds one row per distinct key of the workload, as a short note. */
  String checkRows(Workload workload) {
    long rows = TableRows.count(session, table);
    return String.format("%s: %,d rows", rows == workload.distinctKeys() ? "ok" : "MISMATCH", rows);
  }

  /** The job's own upsert, its write time the last variable, so raw and job send alike. */
  String upsertCql() {
    return CqlStatements.upsertWithWriteTime(table);
  }

  void truncate() {
    session.execute("TRUNCATE " + qualified());
  }

  /** Checks the job's accounting and the table against the workload; says what it found. */
  String check(JobDrain.Result drained, Workload workload) {
    long rows = TableRows.count(session, table);
    var totals = drained.totals();
    boolean ok =
        rows == workload.distinctKeys()
            && totals.read() == workload.events().size()
            && totals.deadLettered() == workload.invalid();
    return String.format(
        "%s: %,d rows, %,d dead letters, %d batches, %.1f s",
        ok ? "ok" : "MISMATCH", rows, totals.deadLettered(), drained.batches(), drained.seconds());
  }

  private String qualified() {
    return CqlStatements.qualified(table.keyspace(), table.table());
  }

  /** A session to the pipeline's Cassandra with a timeout long enough for TRUNCATE under load. */
  static CqlSession session(ValidPipeline pipeline) {
    var sink = pipeline.spec().getSink().getCassandra();
    return CassandraSessions.open(
        Provisioning.cassandra(
            CassandraConnection.of(sink.getContactPoints(), sink.getLocalDatacenter())
                .withRequestTimeout(Duration.ofSeconds(120))));
  }
}
