package io.streampipe.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import io.streampipe.api.PipelineDefaults;
import io.streampipe.api.PipelineDocument;
import io.streampipe.job.ItStack;
import io.streampipe.job.TestDocuments;
import io.streampipe.testkit.CassandraServer;
import io.streampipe.testkit.CassandraSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 4: Cassandra answers many writes with a timeout. A node of its own acknowledges a write
 * only after its commit log's group sync, up to {@link #SYNC_WINDOW} later plus the sync itself,
 * and its coordinator gives a write only {@link #WRITE_TIMEOUT}: the writes that wait longest time
 * out (or are dropped unapplied), under steady production. Failed writes must be retried, never
 * counted as written, never skipped. (A window longer than the timeout overloads the node for good:
 * its mutation queue grows past a second and almost every write times out.)
 *
 * <p>Opt-in ({@code -Dreliability.writeTimeouts=true}), not yet in CI: on a busy 2-core machine the
 * node's mutation queue still grows to 0.7 s with these settings, most writes time out, and the
 * first batch does not complete within three minutes; it needs settings (or a writer that lowers
 * its writes in flight on timeouts) under which the node keeps up.
 */
@EnabledIfSystemProperty(named = "reliability.writeTimeouts", matches = "true")
class WriteTimeoutsIT {
  private static final Duration WRITE_TIMEOUT = Duration.ofMillis(20);
  private static final Duration SYNC_WINDOW = Duration.ofMillis(10);
  private static final int SECONDS = Integer.getInteger("reliability.timeoutSeconds", 20);

  @TempDir Path dir;

  @Test
  void timedOutWritesAreRetriedNeverCountedNeverSkipped() throws Exception {
    System.out.println(
        "WriteTimeoutsIT seed "
            + SteadyProducer.SEED
            + ", "
            + SECONDS
            + " s at "
            + SteadyProducer.RATE
            + "/s");
    CassandraSettings settings =
        CassandraSettings.DEFAULT
            .withGroupCommitWindow(SYNC_WINDOW)
            .withWriteRequestTimeout(WRITE_TIMEOUT);
    try (CassandraServer node = new CassandraServer(settings).start();
        CqlSession cql = ItStack.session(node)) {
      Stage stage = new Stage(pipeline(node, cql), dir, cql);
      try (SteadyProducer producer = SteadyProducer.onTopic(stage.topic)) {
        Process job = stage.startJob();
        stage.awaitBatches(1, Duration.ofMinutes(3));
        Thread.sleep(SECONDS * 1_000L);
        assertThat(job.isAlive()).as("the job rode the timeouts out").isTrue();
        long retries = stage.writeRetries();
        Verdict.settle(
            stage,
            producer,
            job,
            "4. Cassandra times writes out ("
                + WRITE_TIMEOUT.toMillis()
                + " ms) for "
                + SECONDS
                + " s",
            retries + " write retries; no task or job restart",
            true);
        JobLogs.Totals totals = stage.totals();
        assertThat(retries).as("writes timed out and were retried").isPositive();
        assertThat(totals.read()).as("records read, once each").isEqualTo(producer.produced());
        assertThat(totals.written() + totals.deduplicated() + totals.deadLettered())
            .as("every record counted once: a failed write is not counted as written")
            .isEqualTo(totals.read());
        assertThat(totals.deadLettered()).isEqualTo(producer.bad());
      }
      stage.assertNoSecretInOutput();
    }
  }

  private static PipelineDocument pipeline(CassandraServer node, CqlSession cql) {
    String topic = ItStack.unique("timeouts");
    PipelineDocument document =
        TestDocuments.users(
            "timeouts", ItStack.bootstrap(), node.contactPoint(), topic, ItStack.unique("t"));
    ItStack.createTopics(topic, topic + PipelineDefaults.DEAD_LETTER_SUFFIX);
    ItStack.createTable(document, cql);
    return document;
  }
}
