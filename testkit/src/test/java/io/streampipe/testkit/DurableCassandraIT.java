package io.streampipe.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A durable node keeps every write it acknowledged through a kill -9 in the middle of a stream of
 * writes. A default (periodic) node may not: replay stops at the commit log's last marker, which it
 * writes every 100 ms without syncing, so the writes acknowledged since are lost.
 */
class DurableCassandraIT {
  private static final Duration STREAM = Duration.ofSeconds(3);

  @Test
  void aKillMidStreamLosesNoAcknowledgedWrite() throws Exception {
    try (CassandraServer node = new CassandraServer(CassandraSettings.DEFAULT.durable()).start()) {
      AtomicInteger acknowledged = new AtomicInteger();
      try (CqlSession session = node.testSession()) {
        session.execute(
            "CREATE KEYSPACE durable WITH replication ="
                + " {'class': 'SimpleStrategy', 'replication_factor': 1}");
        session.execute("CREATE TABLE durable.rows (id int PRIMARY KEY)");
        PreparedStatement insert = session.prepare("INSERT INTO durable.rows (id) VALUES (?)");
        CompletableFuture<Void> writes =
            CompletableFuture.runAsync(
                () -> {
                  try {
                    while (true) {
                      session.execute(insert.bind(acknowledged.get()));
                      acknowledged.incrementAndGet();
                    }
                  } catch (DriverException killed) {
                    // The node is gone: what was acknowledged so far is the ledger.
                  }
                });
        Thread.sleep(STREAM.toMillis());
        node.kill();
        writes.join();
      }
      System.out.printf(
          "DurableCassandraIT: %d sequential writes acknowledged in the %d ms before the kill%n",
          acknowledged.get(), STREAM.toMillis());
      node.restart();
      try (CqlSession session = node.testSession()) {
        assertThat(session.execute("SELECT COUNT(*) FROM durable.rows").one().getLong(0))
            .as("rows acknowledged before the kill")
            .isGreaterThanOrEqualTo(acknowledged.get());
      }
    }
  }
}
