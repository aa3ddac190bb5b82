package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streampipe.provisioning.SchemaState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The framework's polling notices what changes behind the operator's back, outside Kubernetes:
 * Cassandra coming back, a dropped table, a deleted topic. Each test has its own pipeline and
 * namespace, and nothing in Kubernetes changes while the test waits.
 */
class ExternalPollingIT extends OperatorWithSparkOnly {
  static final PollingPeriods PERIODS =
      new PollingPeriods(Duration.ofMillis(500), Duration.ofSeconds(2));
  static final String SERVERS = "kafka.polled:9092";

  @Override
  OperatorConfig config() {
    return OperatorConfig.defaults().withPolling(PERIODS);
  }

  @Test
  void cassandraComingBackMakesTheSchemaReadyWithoutAKubernetesEvent() {
    operator.cassandraUp.set(false);
    try {
      create("outage", "late", "late_users");
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  "CassandraUnreachable".equals(operator.reason("outage", "late", "SchemaReady")));

      operator.cassandraUp.set(true);
      // The next poll sees the keyspace absent: an event that applies the plan, well within a
      // fraction of the 30 s the reconciler used to wait, and of the 10 min resync.
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> "True".equals(operator.status("outage", "late", "SchemaReady")));
      assertThat(operator.condition("outage", "late", "SchemaReady").orElseThrow().getReason())
          .isEqualTo("SchemaReady");
      assertThat(operator.cassandra.observe("spark_streams", "late_users").presence())
          .isEqualTo(SchemaState.Presence.PRESENT);
    } finally {
      operator.cassandraUp.set(true);
    }
  }

  @Test
  void aTableDroppedBehindTheOperatorIsCreatedAgain() {
    create("drift", "dropped", "dropped_users");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "True".equals(operator.status("drift", "dropped", "SchemaReady")));
    long creates = createTables("dropped_users");

    operator.cassandra.dropTable("spark_streams", "dropped_users");

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                operator.cassandra.observe("spark_streams", "dropped_users").presence()
                    == SchemaState.Presence.PRESENT);
    assertThat(createTables("dropped_users")).isEqualTo(creates + 1);
  }

  @Test
  void aTopicDeletedBehindTheOperatorIsCreatedAgain() {
    create("topics", "deleted", "deleted_users");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "True".equals(operator.status("topics", "deleted", "TopicsReady")));

    operator.kafka.forServers(SERVERS).delete("deleted_events");

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> operator.kafka.describe(SERVERS, "deleted_events").isPresent());
  }

  /** A pipeline reading {@code <name>_events} over the Admin API, writing to {@code table}. */
  private static void create(String namespace, String name, String table) {
    StreamingPipeline pipeline = TestPipelines.withServers(namespace, name, SERVERS);
    pipeline.getSpec().getSource().getTopic().setName(name + "_events");
    pipeline.getSpec().getSink().getCassandra().setTable(table);
    client.resource(pipeline).create();
  }

  private static long createTables(String table) {
    return operator.cassandra.executed().stream()
        .filter(s -> s.startsWith("CREATE TABLE") && s.contains(table))
        .count();
  }
}
