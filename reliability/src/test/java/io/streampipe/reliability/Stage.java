package io.streampipe.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.cql.Row;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streampipe.api.JobContract;
import io.streampipe.api.PipelineDocument;
import io.streampipe.api.PipelineDocuments;
import io.streampipe.api.cql.CqlStatements;
import io.streampipe.job.ItStack;
import io.streampipe.job.JobProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One scenario's pipeline on the shared servers, its job processes (each with a log of its own and
 * Cassandra credentials in its environment, as from a Secret) and what the scenario finds after.
 */
final class Stage {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Must never appear in any output: the job gets it as from a Kubernetes Secret. */
  static final String PASSWORD = "s3cret-" + UUID.randomUUID();

  final PipelineDocument document;
  final String topic;
  private final CqlSession cql;
  private final Path dir;
  private final Path spec;
  private final List<Path> logs = new ArrayList<>();

  Stage(String name, Path dir) throws IOException {
    this(ItStack.pipeline(name), dir, ItStack.cql());
  }

  /** A stage whose table is already created, read through {@code cql}. */
  Stage(PipelineDocument document, Path dir, CqlSession cql) throws IOException {
    this.document = document;
    this.cql = cql;
    // Small batches, so faults land mid-stream, and no fixed metrics port to clash over.
    document.spec().getSource().setMaxOffsetsPerTrigger(1_000L);
    document.spec().getMonitoring().getPrometheus().setEnabled(false);
    this.topic = document.spec().getSource().getTopic().getName();
    this.dir = dir;
    this.spec =
        Files.writeString(
            dir.resolve("pipeline.yaml"),
            PipelineDocuments.write(document),
            StandardCharsets.UTF_8);
  }

  /** Starts the job on the stage's checkpoint; its output goes to a log of its own. */
  Process startJob() throws Exception {
    Path log = dir.resolve("job-" + logs.size() + ".log");
    logs.add(log);
    return JobProcess.launch(
        spec,
        checkpoint(),
        log,
        Map.of(
            JobContract.ENV_CASSANDRA_USERNAME,
            "reliability",
            JobContract.ENV_CASSANDRA_PASSWORD,
            PASSWORD));
  }

  Path latestLog() {
    return logs.get(logs.size() - 1);
  }

  /** Milliseconds from now until the latest job's log shows {@code batches} more batches. */
  long awaitBatches(int batches, Duration within) throws Exception {
    Path log = logs.get(logs.size() - 1);
    int before = batchLines(log);
    long started = System.nanoTime();
    ItStack.await(
        within, batches + " batches in " + log, () -> batchLines(log) >= before + batches);
    return (System.nanoTime() - started) / 1_000_000;
  }

  static void kill(Process job) throws InterruptedException {
    job.destroyForcibly();
    assertThat(job.waitFor(30, TimeUnit.SECONDS)).as("killed").isTrue();
  }

  static void stop(Process job) throws InterruptedException {
    job.destroy();
    if (!job.waitFor(60, TimeUnit.SECONDS)) {
      job.destroyForcibly();
    }
  }

  /** The table's rows: id to first name; none while this JVM's session cannot reach Cassandra. */
  Map<UUID, String> rows() {
    try {
      return readRows();
    } catch (DriverException e) {
      return Map.of();
    }
  }

  /** The ids in the table now; throws while the table cannot be read. */
  Set<UUID> rowIds() {
    return readRows().keySet();
  }

  Path checkpoint() {
    return dir.resolve("checkpoint");
  }

  /** Waits until this JVM's own session reaches Cassandra again, after a restart. */
  static void awaitCql(Duration within) throws Exception {
    ItStack.await(
        within,
        "the test's Cassandra session",
        () -> {
          try {
            return ItStack.cql().execute("SELECT release_version FROM system.local").one() != null;
          } catch (DriverException e) {
            return false;
          }
        });
  }

  private Map<UUID, String> readRows() {
    var sink = document.spec().getSink().getCassandra();
    Map<UUID, String> rows = new HashMap<>();
    for (Row row :
        cql.execute(
            "SELECT id, first_name FROM "
                + CqlStatements.qualified(sink.getKeyspace().getName(), sink.getTable()))) {
      rows.put(row.getUuid(0), row.getString(1));
    }
    return rows;
  }

  /** Waits until the table holds every expected row with its latest value, or the time is up. */
  Map<UUID, String> awaitRows(Map<UUID, String> expected, Duration within) throws Exception {
    try {
      ItStack.await(within, "every row at its latest value", () -> rows().equals(expected));
    } catch (AssertionError timedOut) {
      // The scenario's assertions say what differs.
    }
    return rows();
  }

  /** Dead letters by their origin (partition:offset): how often each was sent. */
  Map<String, Integer> deadLetters(long expected) throws Exception {
    Map<String, Integer> origins = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> letter :
        ItStack.readAll(topic + ".dlq", (int) expected, Duration.ofSeconds(60))) {
      JsonNode json = JSON.readTree(letter.value());
      assertThat(json.get("rule").asText()).as("every dead letter names its rule").isNotBlank();
      origins.merge(
          json.get("partition").asInt() + ":" + json.get("offset").asLong(), 1, Integer::sum);
    }
    return origins;
  }

  /** Every job log of the stage, none holding the password. */
  void assertNoSecretInOutput() throws IOException {
    for (Path log : logs) {
      assertThat(Files.readString(log, StandardCharsets.ISO_8859_1))
          .as("job output " + log)
          .doesNotContain(PASSWORD);
    }
  }

  /** Rows missing or holding an older value than the last one sent. */
  static long missingOrStale(Map<UUID, String> expected, Map<UUID, String> found) {
    return expected.entrySet().stream()
        .filter(e -> !e.getValue().equals(found.get(e.getKey())))
        .count();
  }

  static long extra(Map<UUID, String> expected, Map<UUID, String> found) {
    Set<UUID> beyond = new HashSet<>(found.keySet());
    beyond.removeAll(expected.keySet());
    return beyond.size();
  }

  JobLogs.Totals totals() {
    return JobLogs.totals(logs);
  }

  long writeRetries() {
    return JobLogs.writeRetries(logs);
  }

  long lowestWriteConcurrency() {
    return JobLogs.lowestWriteConcurrency(logs);
  }

  /** Batches the latest job has completed. */
  int batches() {
    return batchLines(latestLog());
  }

  void awaitRead(long records, Duration within) throws Exception {
    ItStack.await(within, records + " records read", () -> totals().read() >= records);
  }

  private static int batchLines(Path log) {
    return JobLogs.batchLines(log).size();
  }
}
