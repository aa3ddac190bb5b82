package io.streampipe.job.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import io.streampipe.api.FieldType;
import io.streampipe.api.cql.CqlStatements;
import io.streampipe.api.cql.TableDefinition;
import io.streampipe.job.plan.JobSettings;
import io.streampipe.job.resources.JobResources;
import io.streampipe.testkit.CassandraServer;
import io.streampipe.testkit.CassandraSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The writer through a Cassandra outage, on a node of its own that is killed and restarted on its
 * data, with the job's own session settings: it retries for its timeout and gives up after it. The
 * node syncs its commit log before it acknowledges ({@link CassandraSettings#durable()}), so what
 * it acknowledged before the kill is there after it.
 */
class WriteRetryIT {
  private static final String KEYSPACE = "retries";
  private static CassandraServer cassandra;
  private static CqlSession session;
  private static TableDefinition table;
  private static ValuesBinder binder;

  @BeforeAll
  static void startCassandra() {
    cassandra = new CassandraServer(CassandraSettings.DEFAULT.durable()).start();
    JobSettings settings =
        new JobSettings(
            "unused:9092",
            List.of(cassandra.contactPoint()),
            cassandra.localDatacenter(),
            null,
            null,
            "unused",
            -1,
            JobSettings.DEFAULT_MAX_IN_FLIGHT,
            BatchLimits.DEFAULT);
    JobResources.shared().retain();
    session = JobResources.shared().cassandra().session(settings);
    session.execute(
        "CREATE KEYSPACE "
            + KEYSPACE
            + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
    Map<String, String> columns = new LinkedHashMap<>();
    columns.put("id", "uuid");
    columns.put("body", "text");
    table = new TableDefinition(KEYSPACE, "rows", columns, List.of("id"), List.of(), 0);
    session.execute(CqlStatements.createTable(table));
    binder =
        new ValuesBinder(
            session.prepare(CqlStatements.upsertWithWriteTime(table)),
            List.of(FieldType.UUID, FieldType.TEXT));
  }

  @AfterAll
  static void stopCassandra() {
    JobResources.shared().release();
    if (cassandra != null) {
      cassandra.stop();
    }
  }

  @Test
  void givesUpAfterItsTimeoutThenRidesOutAnOutageWithinIt() throws Exception {
    assertThat(write(100, Duration.ofSeconds(5)).finish()).isEqualTo(100);
    // The node is durable, so the kill -9 keeps every write it acknowledged.
    cassandra.kill();

    AsyncUpserts brief = write(20, Duration.ofSeconds(2));
    assertThatThrownBy(brief::finish)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a Cassandra write failed after");
    assertThat(brief.retries()).isPositive();

    long started = System.nanoTime();
    CompletableFuture<Void> back = CompletableFuture.runAsync(cassandra::restart);
    AsyncUpserts patient = write(500, Duration.ofMinutes(3));
    assertThat(patient.finish()).isEqualTo(500);
    back.join();

    assertThat(patient.retries()).isPositive();
    assertThat(patient.retryMillis())
        .isPositive()
        .isLessThanOrEqualTo((System.nanoTime() - started) / 1_000_000 + 1_000);
    long rows =
        session
            .execute("SELECT COUNT(*) FROM " + CqlStatements.qualified(KEYSPACE, table.table()))
            .one()
            .getLong(0);
    // The 20 given up on may have landed or not; the 600 acknowledged must be there (the 500
    // patient ones were written to the restarted node, which is not killed again).
    assertThat(rows).isBetween(600L, 620L);
  }

  private static AsyncUpserts write(int rows, Duration retryFor) {
    AsyncUpserts writes = new AsyncUpserts(session, KEYSPACE, BatchLimits.DEFAULT, 64, retryFor);
    for (int i = 0; i < rows; i++) {
      writes.write(binder.bind(new Object[] {UUID.randomUUID(), "row " + i}, 1_000_000L + i));
    }
    return writes;
  }
}
