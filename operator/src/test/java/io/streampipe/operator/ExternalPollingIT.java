package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.streampipe.api.v1alpha1.PipelineCondition;
import io.streampipe.operator.runtime.PipelineOperator;
import io.streampipe.operator.topics.InMemoryTopicAdmins;
import io.streampipe.provisioning.InMemorySchemaProvisioner;
import io.streampipe.provisioning.SchemaState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The framework's polling notices what changes behind the operator's back, outside Kubernetes:
 * Cassandra coming back, a dropped table, a deleted topic. Each test has its own pipeline and
 * namespace, and nothing in Kubernetes changes while the test waits.
 */
@EnableKubernetesMockClient(crud = true)
class ExternalPollingIT {
  static final PollingPeriods PERIODS =
      new PollingPeriods(Duration.ofMillis(500), Duration.ofSeconds(2));
  static final String SERVERS = "kafka.polled:9092";
  static final AtomicBoolean CASSANDRA_UP = new AtomicBoolean(true);
  static final InMemorySchemaProvisioner CASSANDRA = new InMemorySchemaProvisioner();
  static final UnreachableCassandra DOWN = new UnreachableCassandra();
  static final InMemoryTopicAdmins KAFKA = new InMemoryTopicAdmins();
  static KubernetesMockServer server;
  static KubernetesClient client;
  static Operator operator;

  @BeforeAll
  static void start() throws Exception {
    new MockCluster(client).loadCrds(List.of("sparkapplications.sparkoperator.k8s.io"));
    operator =
        PipelineOperator.create(
            client,
            OperatorConfig.defaults().withPolling(PERIODS),
            connection -> CASSANDRA_UP.get() ? CASSANDRA : DOWN,
            KAFKA,
            Metrics.NOOP,
            false);
    operator.start();
  }

  @AfterAll
  static void stop() {
    operator.stop();
  }

  @Test
  void cassandraComingBackMakesTheSchemaReadyWithoutAKubernetesEvent() {
    CASSANDRA_UP.set(false);
    try {
      create("outage", "late", "late_users");
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> "CassandraUnreachable".equals(reason("outage", "late", "SchemaReady")));

      CASSANDRA_UP.set(true);
      // The next poll sees the keyspace absent: an event that applies the plan, well within a
      // fraction of the 30 s the reconciler used to wait, and of the 10 min resync.
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> "True".equals(status("outage", "late", "SchemaReady")));
      assertThat(condition("outage", "late", "SchemaReady").orElseThrow().getReason())
          .isEqualTo("SchemaReady");
      assertThat(CASSANDRA.observe("spark_streams", "late_users").presence())
          .isEqualTo(SchemaState.Presence.PRESENT);
    } finally {
      CASSANDRA_UP.set(true);
    }
  }

  @Test
  void aTableDroppedBehindTheOperatorIsCreatedAgain() {
    create("drift", "dropped", "dropped_users");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "True".equals(status("drift", "dropped", "SchemaReady")));
    long creates = createTables("dropped_users");

    CASSANDRA.dropTable("spark_streams", "dropped_users");

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                CASSANDRA.observe("spark_streams", "dropped_users").presence()
                    == SchemaState.Presence.PRESENT);
    assertThat(createTables("dropped_users")).isEqualTo(creates + 1);
  }

  @Test
  void aTopicDeletedBehindTheOperatorIsCreatedAgain() {
    create("topics", "deleted", "deleted_users");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "True".equals(status("topics", "deleted", "TopicsReady")));

    KAFKA.forServers(SERVERS).delete("deleted_events");

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> KAFKA.describe(SERVERS, "deleted_events").isPresent());
  }

  /** A pipeline reading {@code <name>_events} over the Admin API, writing to {@code table}. */
  private static void create(String namespace, String name, String table) {
    StreamingPipeline pipeline = TestPipelines.users(namespace, name);
    pipeline.getSpec().getSource().setKafkaCluster(null);
    pipeline.getSpec().getSource().setBootstrapServers(SERVERS);
    pipeline.getSpec().getSource().getTopic().setName(name + "_events");
    pipeline.getSpec().getSink().getCassandra().setTable(table);
    client.resource(pipeline).create();
  }

  private static long createTables(String table) {
    return CASSANDRA.executed().stream()
        .filter(s -> s.startsWith("CREATE TABLE") && s.contains(table))
        .count();
  }

  private static Optional<PipelineCondition> condition(String namespace, String name, String type) {
    StreamingPipeline p =
        client.resources(StreamingPipeline.class).inNamespace(namespace).withName(name).get();
    if (p == null || p.getStatus() == null || p.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return p.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  private static String status(String namespace, String name, String type) {
    return condition(namespace, name, type).map(PipelineCondition::getStatus).orElse("");
  }

  private static String reason(String namespace, String name, String type) {
    return condition(namespace, name, type).map(PipelineCondition::getReason).orElse("");
  }
}
