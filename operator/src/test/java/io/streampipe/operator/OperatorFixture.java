package io.streampipe.operator;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.streampipe.api.v1alpha1.PipelineCondition;
import io.streampipe.operator.runtime.PipelineOperator;
import io.streampipe.operator.schema.SchemaProvisioners;
import io.streampipe.operator.topics.InMemoryTopicAdmins;
import io.streampipe.provisioning.InMemorySchemaProvisioner;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

/**
 * The operator under test against fabric8's mock API server, one per test class: Cassandra and
 * Kafka in memory, its own client (so {@link OperatorRbac} can tell its calls from the test's), and
 * what tests read back. Each test makes its own pipeline in its own namespace.
 */
final class OperatorFixture implements AutoCloseable {
  static final String AGENT = "streampipe-operator-under-test";
  static final Duration WAIT = Duration.ofSeconds(20);

  final KubernetesMockServer server;
  final KubernetesClient client;
  final MockCluster cluster;
  final InMemorySchemaProvisioner cassandra = new InMemorySchemaProvisioner();
  final InMemoryTopicAdmins kafka = new InMemoryTopicAdmins();

  /** Contact point {@link UnreachableCassandra#HOST}, or any while {@link #cassandraUp} is off. */
  final UnreachableCassandra down = new UnreachableCassandra();

  final AtomicBoolean cassandraUp = new AtomicBoolean(true);
  private final Operator operator;

  private OperatorFixture(
      KubernetesMockServer server,
      KubernetesClient client,
      OperatorConfig config,
      List<String> crds)
      throws IOException {
    this.server = server;
    this.client = client;
    this.cluster = new MockCluster(client).loadCrds(crds);
    SchemaProvisioners provisioners =
        connection ->
            !cassandraUp.get()
                    || connection.contactPoints().stream()
                        .anyMatch(c -> c.host().equals(UnreachableCassandra.HOST))
                ? down
                : cassandra;
    OperatorRbac.reviewsShowTheChartsLeaseRole(server);
    KubernetesClient operatorClient =
        server.createClient(b -> b.withConfig(OperatorRbac.agent(server, AGENT)));
    operator =
        PipelineOperator.create(
            operatorClient, cluster.playingJobs(config), provisioners, kafka, Metrics.NOOP, false);
    operator.start();
  }

  /** The operator with every upstream CRD, as the chart runs it. */
  static OperatorFixture start(
      KubernetesMockServer server, KubernetesClient client, OperatorConfig config)
      throws IOException {
    return start(server, client, config, MockCluster.UPSTREAM);
  }

  /** The operator in a cluster serving only these upstream CRDs. */
  static OperatorFixture start(
      KubernetesMockServer server,
      KubernetesClient client,
      OperatorConfig config,
      List<String> crds)
      throws IOException {
    return new OperatorFixture(server, client, config, crds);
  }

  /**
   * Production's switches: leader election on (replicaCount > 1), so the lease calls are recorded
   * too; Cassandra retries and the claim's grace short, so a test sees them run out.
   */
  static OperatorConfig leaderElected() {
    return OperatorConfig.fromEnv(
            Map.of(
                "STREAMPIPE_LEADER_ELECTION_ENABLED", "true",
                "POD_NAMESPACE", "streampipe-system"))
        .withCassandraRetries(2, Duration.ofMillis(200))
        .withCheckpointBindGrace(Duration.ofSeconds(1));
  }

  Operator operator() {
    return operator;
  }

  /** Creates a pipeline on a Strimzi cluster and plays Strimzi and Spark until it is Ready. */
  StreamingPipeline createReady(StreamingPipeline pipeline) {
    StreamingPipeline created = client.resource(pipeline).create();
    awaitReady(pipeline.getMetadata().getNamespace(), pipeline.getMetadata().getName());
    return created;
  }

  /** Plays Strimzi and Spark for a new pipeline on a Strimzi cluster until it is Ready. */
  void awaitReady(String ns, String name) {
    await()
        .atMost(WAIT)
        .until(() -> cluster.topics().inNamespace(ns).list().getItems().size() == 2);
    cluster.topicsReady(ns);
    cluster.jobRuns(ns, name);
    await().atMost(WAIT).until(() -> "True".equals(status(ns, name, "Ready")));
  }

  void edit(String ns, String name, UnaryOperator<StreamingPipeline> change) {
    PipelineEdits.edit(client, ns, name, change);
  }

  /** Deletes the pipeline and waits until its finalizer let it go. */
  void delete(String ns, String name) {
    client.resources(StreamingPipeline.class).inNamespace(ns).withName(name).delete();
    await().atMost(WAIT).until(() -> pipeline(ns, name) == null);
  }

  /**
   * Waits until the operator has judged this generation (its Ready condition says so), applied or
   * not: what a test waits for before it asserts that an earlier change had no effect. {@code
   * observedGeneration} itself is the generation the job runs.
   */
  void awaitObserved(String ns, String name, long generation) {
    await()
        .atMost(WAIT)
        .until(
            () ->
                condition(ns, name, "Ready")
                    .map(c -> Long.valueOf(generation).equals(c.getObservedGeneration()))
                    .orElse(false));
  }

  StreamingPipeline pipeline(String ns, String name) {
    return client.resources(StreamingPipeline.class).inNamespace(ns).withName(name).get();
  }

  Optional<PipelineCondition> condition(String ns, String name, String type) {
    StreamingPipeline p = pipeline(ns, name);
    if (p == null || p.getStatus() == null || p.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return p.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  String status(String ns, String name, String type) {
    return condition(ns, name, type).map(PipelineCondition::getStatus).orElse("");
  }

  String reason(String ns, String name, String type) {
    return condition(ns, name, type).map(PipelineCondition::getReason).orElse("");
  }

  /** The Events recorded on the pipeline. */
  List<Event> events(String ns, String name) {
    return client.v1().events().inNamespace(ns).list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName()))
        .toList();
  }

  List<String> eventReasons(String ns, String name) {
    return events(ns, name).stream().map(Event::getReason).toList();
  }

  ConfigMap configMap(String ns, String name) {
    return client.configMaps().inNamespace(ns).withName(name + "-spec").get();
  }

  PersistentVolumeClaim claim(String ns, String name) {
    return client.persistentVolumeClaims().inNamespace(ns).withName(name + "-checkpoint").get();
  }

  GenericKubernetesResource job(String ns, String name) {
    return cluster.sparkApplications().inNamespace(ns).withName(name).get();
  }

  @Override
  public void close() {
    operator.stop();
  }
}
