package io.streampipe.job.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.streampipe.api.FieldType;
import io.streampipe.api.cql.CqlStatements;
import io.streampipe.api.cql.TableDefinition;
import io.streampipe.job.ItStack;
import io.streampipe.job.validate.ValidatedRows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Batched upserts against a real Cassandra node with its default batch thresholds. */
class AsyncUpsertsIT {
  private static final String KEYSPACE = ItStack.unique("batches");
  private static final List<FieldType> TYPES = List.of(FieldType.UUID, FieldType.TEXT);

  private static CqlSession cql;

  /** A fresh table of this test's own, and the job's binder for its upsert. */
  private record Table(String qualified, ValuesBinder binder) {}

  @BeforeAll
  static void createKeyspace() {
    cql = ItStack.cql();
    cql.execute(
        "CREATE KEYSPACE "
            + KEYSPACE
            + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
  }

  private static Table table() {
    Map<String, String> columns = new LinkedHashMap<>();
    columns.put("id", "uuid");
    columns.put("body", "text");
    TableDefinition table =
        new TableDefinition(KEYSPACE, ItStack.unique("rows"), columns, List.of("id"), List.of(), 0);
    cql.execute(CqlStatements.createTable(table));
    PreparedStatement upsert = cql.prepare(CqlStatements.upsertWithWriteTime(table));
    return new Table(
        CqlStatements.qualified(table.keyspace(), table.table()), new ValuesBinder(upsert, TYPES));
  }

  @Test
  void rowsTravelInBatchesUnderCassandrasWarningsAndAllLand() throws Exception {
    Table table = table();
    AsyncUpserts writes = new AsyncUpserts(cql, KEYSPACE, BatchLimits.DEFAULT, 256);
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      UUID id = UUID.randomUUID();
      ids.add(id);
      // Mostly rows of ~500 bytes, some far over a whole batch's budget.
      String body = (i % 100 == 0 ? "x".repeat(8_000) : "y".repeat(480)) + i;
      writes.write(table.binder().bind(new Object[] {id, body}, 1_000_000L + i));
    }
    assertThat(writes.finish()).isEqualTo(2_000);

    assertThat(writes.warned()).as("requests Cassandra warned about").isZero();
    assertThat(writes.requests()).as("requests for 2,000 rows").isBetween(200L, 400L);
    for (UUID id : List.of(ids.get(0), ids.get(100), ids.get(1_999))) {
      assertThat(cql.execute(select(table), id).one()).as("row " + id).isNotNull();
    }
    long rows = cql.execute("SELECT COUNT(*) FROM " + table.qualified()).one().getLong(0);
    assertThat(rows).isEqualTo(2_000);
  }

  @Test
  void eachRowOfABatchKeepsItsOwnWriteTime() throws Exception {
    Table table = table();
    UUID id = UUID.randomUUID();
    AsyncUpserts writes = new AsyncUpserts(cql, KEYSPACE, BatchLimits.DEFAULT, 256);
    ValuesBinder binder = table.binder();
    // Newest first, in one batch: the latest write time wins, not the last statement.
    writes.write(binder.bind(new Object[] {id, "newest"}, 3_000_000L));
    writes.write(binder.bind(new Object[] {id, "oldest"}, 1_000_000L));
    writes.write(binder.bind(new Object[] {id, "middle"}, 2_000_000L));
    assertThat(writes.finish()).isEqualTo(3);
    assertThat(writes.requests()).isEqualTo(1);

    Row row = cql.execute(select(table), id).one();
    assertThat(row.getString("body")).isEqualTo("newest");
    assertThat(row.getLong("written")).isEqualTo(3_000_000L);
  }

  @Test
  void theShufflePathsRowsOfOneKeyInOneBatchResolveToTheLastSent() throws Exception {
    Table table = table();
    PreparedStatement upsert =
        cql.prepare(
            "INSERT INTO " + table.qualified() + " (id, body) VALUES (?, ?) USING TIMESTAMP ?");
    RowBinder binder = new RowBinder(upsert, TYPES);
    UUID id = UUID.randomUUID();
    AsyncUpserts writes = new AsyncUpserts(cql, KEYSPACE, BatchLimits.DEFAULT, 256);
    WriteClock clock = new WriteClock();
    long now = System.currentTimeMillis() * 1000;
    // A shared batch timestamp would leave the tie to Cassandra, which keeps the greater value.
    for (String body : List.of("zz-sent-first", "aa-sent-last")) {
      Object[] row = new Object[ValidatedRows.FIRST_FIELD + 2];
      row[ValidatedRows.FIRST_FIELD] = id.toString();
      row[ValidatedRows.FIRST_FIELD + 1] = body;
      writes.write(binder.bind(org.apache.spark.sql.RowFactory.create(row), clock.next(now)));
    }
    assertThat(writes.finish()).isEqualTo(2);
    assertThat(writes.requests()).isEqualTo(1);

    assertThat(cql.execute(select(table), id).one().getString("body")).isEqualTo("aa-sent-last");
  }

  @Test
  void oneRowPerBatchSendsEveryRowAlone() throws Exception {
    ValuesBinder binder = table().binder();
    AsyncUpserts writes = new AsyncUpserts(cql, KEYSPACE, BatchLimits.NONE, 64);
    for (int i = 0; i < 20; i++) {
      writes.write(binder.bind(new Object[] {UUID.randomUUID(), "alone"}, 1L));
    }
    assertThat(writes.finish()).isEqualTo(20);
    assertThat(writes.requests()).isEqualTo(20);
  }

  private static String select(Table table) {
    return "SELECT body, WRITETIME(body) AS written FROM " + table.qualified() + " WHERE id = ?";
  }
}
