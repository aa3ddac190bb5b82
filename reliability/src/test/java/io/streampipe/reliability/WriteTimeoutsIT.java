package io.streampipe.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import io.streampipe.api.PipelineDefaults;
import io.streampipe.api.PipelineDocument;
import io.streampipe.job.ItStack;
import io.streampipe.job.TestDocuments;
import io.streampipe.job.plan.JobSettings;
import io.streampipe.testkit.CassandraServer;
import io.streampipe.testkit.CassandraSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 4: Cassandra times writes out. A node of its own syncs its commit log before it
 * acknowledges a write (group sync, so it takes only so many writes a second); its write timeout
 * drops to {@link #OVERLOADED} at run time while a burst arrives on top of steady production, and
 * stays there until {@link #UNDER_TIMEOUTS} batches completed: at the writer's full concurrency
 * nearly every write waits longer than that. The writer must lower its writes in flight until
 * batches complete again, retry what timed out, count nothing written that was not, and let Spark
 * commit no batch before its rows exist.
 */
class WriteTimeoutsIT {
  private static final Duration OVERLOADED =
      Duration.ofMillis(Long.getLong("reliability.writeTimeoutMillis", 50));
  private static final Duration NORMAL = CassandraSettings.DEFAULT.writeRequestTimeout();
  private static final int BURST = 3_000;

  /** Batches that must complete while writes time out: the burst's, at 1,000 records a batch. */
  private static final int UNDER_TIMEOUTS = 2;

  @TempDir Path dir;

  @Test
  void timedOutWritesAreRetriedNeverCountedNeverSkipped() throws Exception {
    System.out.println("WriteTimeoutsIT seed " + SteadyProducer.SEED);
    try (CassandraServer node = new CassandraServer(CassandraSettings.DEFAULT.durable()).start();
        CqlSession cql = ItStack.session(node)) {
      Stage stage = new Stage(pipeline(node, cql), dir, cql);
      try (SteadyProducer producer = SteadyProducer.onTopic(stage.topic);
          CommitWatch commits =
              new CommitWatch(stage.checkpoint(), stage.topic, producer, stage::rowIds)) {
        Process job = stage.startJob();
        stage.awaitBatches(1, Duration.ofMinutes(2));

        long retriesBefore = stage.writeRetries();
        node.setWriteRequestTimeout(OVERLOADED);
        producer.burst(BURST);
        // Without a lower concurrency no batch completes here: every retry times out again.
        long overloadedMillis = stage.awaitBatches(UNDER_TIMEOUTS, Duration.ofMinutes(3));
        long retries = stage.writeRetries() - retriesBefore;
        node.setWriteRequestTimeout(NORMAL);

        producer.close();
        long closed = System.nanoTime();
        stage.awaitRows(producer.latest(), Duration.ofMinutes(2));
        long drainMillis = (System.nanoTime() - closed) / 1_000_000;
        assertThat(job.isAlive()).as("the job rode the timeouts out").isTrue();
        Verdict.settle(
            stage,
            producer,
            job,
            "4. Cassandra times writes out after "
                + OVERLOADED.toMillis()
                + " ms (+"
                + BURST
                + " events at once) until "
                + UNDER_TIMEOUTS
                + " batches complete",
            String.format(
                "%,d ms for %d batches under timeouts, %,d write retries, concurrency down to %d;"
                    + " table complete %,d ms after the last event; no job restart",
                overloadedMillis,
                UNDER_TIMEOUTS,
                retries,
                stage.lowestWriteConcurrency(),
                drainMillis),
            true);

        assertThat(retries).as("writes timed out and were retried").isPositive();
        // The limit the job reports: with a fixed one the batches above took 2.3x as long and
        // 7x the retries on the same machine (README "Guarantees").
        assertThat(stage.lowestWriteConcurrency())
            .as("the writer kept fewer rows in flight than its maximum")
            .isBetween(1L, JobSettings.DEFAULT_MAX_IN_FLIGHT - 1L);
        JobLogs.Totals totals = stage.totals();
        assertThat(totals.read()).as("records read, once each").isEqualTo(producer.produced());
        assertThat(totals.written() + totals.deduplicated() + totals.deadLettered())
            .as("every record counted once: a failed write is not counted as written")
            .isEqualTo(totals.read());
        assertThat(totals.deadLettered()).isEqualTo(producer.bad());
        assertThat(commits.commits()).as("batches committed").isGreaterThan(UNDER_TIMEOUTS);
        assertThat(commits.violations()).as("batches committed before their rows").isEmpty();
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
