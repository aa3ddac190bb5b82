package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EventListBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.streampipe.api.v1alpha1.DeletionPolicy;
import io.streampipe.api.v1alpha1.FieldSpec;
import io.streampipe.api.v1alpha1.PipelineCondition;
import io.streampipe.operator.desired.Labels;
import io.streampipe.operator.runtime.PipelineOperator;
import io.streampipe.operator.schema.SchemaProvisioners;
import io.streampipe.operator.topics.InMemoryTopicAdmins;
import io.streampipe.provisioning.InMemorySchemaProvisioner;
import io.streampipe.provisioning.TopicDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The operator against fabric8's mock API server with the upstream CRDs: a pipeline's life. */
@EnableKubernetesMockClient(crud = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineOperatorIT {
  static KubernetesMockServer server;
  static KubernetesClient client;
  static final String NS = "streams";
  static final String OPERATOR_AGENT = "streampipe-operator-under-test";
  static final InMemorySchemaProvisioner CASSANDRA = new InMemorySchemaProvisioner();
  static final UnreachableCassandra DOWN = new UnreachableCassandra();
  static final InMemoryTopicAdmins KAFKA = new InMemoryTopicAdmins();
  static Operator operator;
  static MockCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = new MockCluster(client).loadCrds();
    SchemaProvisioners provisioners =
        connection ->
            connection.contactPoints().stream()
                    .anyMatch(c -> c.host().equals(UnreachableCassandra.HOST))
                ? DOWN
                : CASSANDRA;
    // Production's switches: leader election on (replicaCount > 1), so OperatorRbac records the
    // lease calls too, with JOSDK's lease check answered from the chart's Role.
    OperatorConfig config =
        OperatorConfig.fromEnv(
                Map.of(
                    "STREAMPIPE_LEADER_ELECTION_ENABLED", "true",
                    "POD_NAMESPACE", "streampipe-system"))
            .withCassandraRetries(2, Duration.ofMillis(200))
            .withCheckpointBindGrace(Duration.ofSeconds(1));
    OperatorRbac.reviewsShowTheChartsLeaseRole(server);
    // Its own client, so the calls it makes can be told from the test's (OperatorRbac).
    KubernetesClient operatorClient =
        server.createClient(b -> b.withConfig(OperatorRbac.agent(server, OPERATOR_AGENT)));
    operator =
        PipelineOperator.create(operatorClient, config, provisioners, KAFKA, Metrics.NOOP, false);
    operator.start();
  }

  @AfterAll
  static void stop() {
    operator.stop();
  }

  @Test
  @Order(1)
  void createReadyUpdateInvalidAndRetain() {
    StreamingPipeline created = client.resource(TestPipelines.users(NS, "users")).create();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> cluster.topics().inNamespace(NS).list().getItems().size() == 2);
    await().atMost(Duration.ofSeconds(20)).until(() -> claim("users") != null);
    assertOwnedAndLabelled(created, claim("users"));
    assertThat(configMap("users")).as("the spec waits for ready topics").isNull();
    cluster
        .topics()
        .inNamespace(NS)
        .list()
        .getItems()
        .forEach(t -> assertOwnedAndLabelled(created, t));
    GenericKubernetesResource input =
        cluster
            .topics()
            .inNamespace(NS)
            .withLabel("streampipe.io/topic-role", "input")
            .list()
            .getItems()
            .get(0);
    assertThat(input.getMetadata().getLabels()).containsEntry(Labels.STRIMZI_CLUSTER, "events");
    assertThat(spec(input))
        .containsEntry("topicName", "users_created")
        .containsEntry("partitions", 3);
    assertThat(CASSANDRA.executed())
        .anyMatch(
            s -> s.startsWith("CREATE TABLE IF NOT EXISTS \"spark_streams\".\"created_users\""));
    assertThat(job("users")).as("the job waits for ready topics").isNull();

    cluster.topicsReady(NS);
    await().atMost(Duration.ofSeconds(20)).until(() -> job("users") != null);
    assertOwnedAndLabelled(created, configMap("users"));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> cluster.podMonitors().inNamespace(NS).withName("users").get() != null);
    assertOwnedAndLabelled(created, cluster.podMonitors().inNamespace(NS).withName("users").get());
    assertOwnedAndLabelled(created, job("users"));
    cluster.jobState(NS, "users", "RUNNING");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> conditionStatus("users", "Ready").equals("True"));
    StreamingPipeline ready = pipeline("users");
    assertThat(ready.getStatus().getObservedGeneration()).isEqualTo(1L);
    assertThat(ready.getStatus().getTopic()).isEqualTo("users_created");
    assertThat(ready.getStatus().getTable()).isEqualTo("spark_streams.created_users");
    assertThat(ready.getStatus().getJobState()).isEqualTo("RUNNING");
    assertThat(events("users")).contains("Ready");

    // Update: a new field, a new TTL and more partitions.
    PipelineEdits.edit(
        client,
        NS,
        "users",
        p -> {
          p.getSpec().getSchema().getFields().add(new FieldSpec("country", "text", false));
          p.getSpec().getSink().getCassandra().setTtl("1h");
          p.getSpec().getSource().getTopic().setPartitions(6);
          return p;
        });
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> CASSANDRA.executed().stream().anyMatch(s -> s.contains("ADD \"country\" text")));
    assertThat(CASSANDRA.executed()).anyMatch(s -> s.contains("default_time_to_live = 3600"));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> spec(topic("users_created")).get("partitions").equals(6));
    // The dead-letter topic follows the input's partitions; Strimzi reports both once updated.
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> spec(topic("users_created.dlq")).get("partitions").equals(6));
    cluster.topicsReady(NS);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> configMap("users").getData().get("pipeline.yaml").contains("country"));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                pipeline("users").getStatus().getObservedGeneration() == 2L
                    && conditionStatus("users", "Ready").equals("True"));
    assertThat(pipeline("users").getStatus().getTtl()).isEqualTo("1h");

    // Invalid update: nothing else may change.
    Map<String, String> versionsBefore = versions();
    int ddlBefore = CASSANDRA.executed().size();
    PipelineEdits.edit(
        client,
        NS,
        "users",
        p -> {
          p.getSpec().getSink().getCassandra().setTtl("forever");
          p.getSpec().getSchema().getFields().add(new FieldSpec("bad name", "text", false));
          return p;
        });
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                "InvalidSpec"
                    .equals(
                        condition("users", "Ready").map(PipelineCondition::getReason).orElse("")));
    String message = condition("users", "Ready").orElseThrow().getMessage();
    assertThat(message).contains("spec.sink.cassandra.ttl").contains("bad name");
    assertThat(events("users")).contains("InvalidSpec");
    sleep(1500);
    assertThat(versions()).isEqualTo(versionsBefore);
    assertThat(CASSANDRA.executed()).hasSize(ddlBefore);
    assertThat(conditionStatus("users", "JobRunning")).isEqualTo("True");

    // Delete under Retain: topics and claim orphaned, table kept.
    client.resources(StreamingPipeline.class).inNamespace(NS).withName("users").delete();
    await().atMost(Duration.ofSeconds(20)).until(() -> pipeline("users") == null);
    assertThat(cluster.topics().inNamespace(NS).list().getItems())
        .hasSize(2)
        .allSatisfy(t -> assertThat(t.getMetadata().getOwnerReferences()).isEmpty());
    assertThat(claim("users").getMetadata().getOwnerReferences()).isEmpty();
    assertThat(CASSANDRA.executed())
        .noneMatch(s -> s.contains("DROP TABLE IF EXISTS \"spark_streams\".\"created_users\""));
    assertThat(CASSANDRA.observe("spark_streams", "created_users").existing()).isPresent();
  }

  @Test
  @Order(2)
  void deletePolicyRemovesTopicsClaimAndTable() {
    StreamingPipeline pipeline = TestPipelines.users("scratch", "orders");
    pipeline.getSpec().getSource().getTopic().setName("orders");
    pipeline.getSpec().getSink().getCassandra().setTable("orders");
    pipeline.getSpec().getSink().getCassandra().setCredentialsSecret("cassandra-login");
    pipeline.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
    client
        .secrets()
        .inNamespace("scratch")
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("cassandra-login")
                .endMetadata()
                .addToStringData(Map.of("username", "streampipe", "password", "secret"))
                .build())
        .create();
    client.resource(pipeline).create();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                cluster.topics().inNamespace("scratch").list().getItems().size() == 2
                    && client
                            .persistentVolumeClaims()
                            .inNamespace("scratch")
                            .withName("orders-checkpoint")
                            .get()
                        != null);
    assertThat(cluster.topics().inNamespace("scratch").withName("orders").get()).isNotNull();
    client.resources(StreamingPipeline.class).inNamespace("scratch").withName("orders").delete();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                client
                        .resources(StreamingPipeline.class)
                        .inNamespace("scratch")
                        .withName("orders")
                        .get()
                    == null);
    assertThat(cluster.topics().inNamespace("scratch").list().getItems()).isEmpty();
    assertThat(
            client
                .persistentVolumeClaims()
                .inNamespace("scratch")
                .withName("orders-checkpoint")
                .get())
        .isNull();
    assertThat(CASSANDRA.executed()).contains("DROP TABLE IF EXISTS \"spark_streams\".\"orders\"");
  }

  @Test
  @Order(3)
  void aKafkaStatusChangeReconcilesThePipelinesUsingThatCluster() {
    String ns = "follow";
    StreamingPipeline pipeline = TestPipelines.users(ns, "follower");
    pipeline.getSpec().getSink().getCassandra().setTable("followers");
    client.resource(pipeline).create();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> cluster.topics().inNamespace(ns).list().getItems().size() == 2);
    cluster.topicsReady(ns);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> bootstrapOf(ns, "follower").contains("events-kafka-bootstrap.follow.svc:9092"));

    // Strimzi publishes the cluster's listeners: the pipeline follows within seconds, not at
    // the next periodic reconcile (10 minutes). The API server keeps status out of a create.
    var kafkas = client.genericKubernetesResources("kafka.strimzi.io/v1", "Kafka").inNamespace(ns);
    GenericKubernetesResource kafka = kafkas.resource(kafka(ns, "events")).create();
    for (String broker : List.of("broker-0.events.example:9092", "broker-1.events.example:9092")) {
      kafka.setAdditionalProperty("status", listeners(broker));
      kafka = kafkas.resource(kafka).updateStatus();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> bootstrapOf(ns, "follower").contains(broker));
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> job(ns, "follower").toString().contains("broker-1.events.example:9092"));

    // A dependent edited by hand is put back.
    GenericKubernetesResource monitor =
        cluster.podMonitors().inNamespace(ns).withName("follower").get();
    Object desired = monitor.getAdditionalProperties().get("spec");
    monitor.setAdditionalProperty("spec", Map.of("selector", Map.of()));
    cluster.podMonitors().inNamespace(ns).resource(monitor).update();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                desired.equals(
                    cluster
                        .podMonitors()
                        .inNamespace(ns)
                        .withName("follower")
                        .get()
                        .getAdditionalProperties()
                        .get("spec")));

    // Metrics switched off: the PodMonitor goes.
    assertThat(cluster.podMonitors().inNamespace(ns).withName("follower").get()).isNotNull();
    PipelineEdits.edit(
        client,
        ns,
        "follower",
        p -> {
          p.getSpec().getMonitoring().getPrometheus().setEnabled(false);
          return p;
        });
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> cluster.podMonitors().inNamespace(ns).withName("follower").get() == null);
  }

  @Test
  @Order(4)
  void deletionGivesUpOnAnUnreachableCassandraAfterBoundedAttempts() {
    String ns = "outage";
    StreamingPipeline pipeline = TestPipelines.users(ns, "stranded");
    pipeline.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
    pipeline
        .getSpec()
        .getSink()
        .getCassandra()
        .setContactPoints(List.of(UnreachableCassandra.HOST));
    client.resource(pipeline).create();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                "CassandraUnreachable"
                    .equals(
                        condition(ns, "stranded", "SchemaReady")
                            .map(PipelineCondition::getReason)
                            .orElse("")));

    client.resources(StreamingPipeline.class).inNamespace(ns).withName("stranded").delete();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                client.resources(StreamingPipeline.class).inNamespace(ns).withName("stranded").get()
                    == null);
    assertThat(DOWN.dropAttempts()).as("bounded attempts, then released").isEqualTo(2);
    assertThat(client.v1().events().inNamespace(ns).list().getItems())
        .anySatisfy(
            e -> {
              assertThat(e.getType()).isEqualTo("Warning");
              assertThat(e.getReason()).isEqualTo("CassandraUnreachable");
              assertThat(e.getMessage()).contains("not dropped after 2 attempts");
            });
  }

  @Test
  @Order(5)
  void withBootstrapServersAndNoStrimziTheOperatorEnsuresTheTopicsOverTheAdminApi() {
    String ns = "plain-kafka";
    StreamingPipeline pipeline = TestPipelines.users(ns, "direct");
    pipeline.getSpec().getSource().setKafkaCluster(null);
    pipeline.getSpec().getSource().setBootstrapServers("kafka.plain-kafka:9092");
    pipeline.getSpec().getSink().getCassandra().setTable("direct");
    pipeline.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
    client.resource(pipeline).create();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "True".equals(conditionOf(ns, "direct", "TopicsReady")));
    PipelineCondition topics = condition(ns, "direct", "TopicsReady").orElseThrow();
    assertThat(topics.getReason()).isEqualTo("TopicsEnsured");
    assertThat(topics.getMessage()).contains("Kafka Admin API at kafka.plain-kafka:9092");
    assertThat(cluster.topics().inNamespace(ns).list().getItems()).as("no KafkaTopics").isEmpty();
    assertThat(KAFKA.describe("kafka.plain-kafka:9092", "users_created"))
        .map(TopicDefinition::partitions)
        .contains(3);
    assertThat(KAFKA.describe("kafka.plain-kafka:9092", "users_created.dlq")).isPresent();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> bootstrapOf(ns, "direct").contains("kafka.plain-kafka:9092"));

    // Shrinking a topic is refused with a reason, and nothing else moves.
    PipelineEdits.edit(
        client,
        ns,
        "direct",
        p -> {
          p.getSpec().getSource().getTopic().setPartitions(1);
          return p;
        });
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                "TopicsRefused"
                    .equals(
                        condition(ns, "direct", "TopicsReady")
                            .map(PipelineCondition::getReason)
                            .orElse("")));
    assertThat(condition(ns, "direct", "TopicsReady").orElseThrow().getMessage())
        .contains("cannot shrink");

    client.resources(StreamingPipeline.class).inNamespace(ns).withName("direct").delete();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> KAFKA.describe("kafka.plain-kafka:9092", "users_created").isEmpty());
  }

  @Test
  @Order(6)
  void aCheckpointClaimThatNeverBindsIsNotReadyAndSaysWhy() {
    String ns = "unbound";
    StreamingPipeline pipeline = TestPipelines.users(ns, "stuck");
    pipeline.getSpec().getSink().getCassandra().setTable("stuck");
    client.resource(pipeline).create();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> cluster.topics().inNamespace(ns).list().getItems().size() == 2);
    cluster.topicsReady(ns);
    await().atMost(Duration.ofSeconds(20)).until(() -> job(ns, "stuck") != null);
    PersistentVolumeClaim claim =
        client.persistentVolumeClaims().inNamespace(ns).withName("stuck-checkpoint").get();
    // What a provisioner records when the claim names a class the cluster does not have. The
    // mock cannot select events by involvedObject.name as an API server does: it answers that
    // query as the API server would.
    server
        .expect()
        .get()
        .withPath(
            "/api/v1/namespaces/unbound/events?fieldSelector=involvedObject.name%3Dstuck-checkpoint")
        .andReturn(
            200,
            new EventListBuilder()
                .addNewItem()
                .withNewMetadata()
                .withName("stuck-checkpoint.1")
                .withNamespace(ns)
                .endMetadata()
                .withInvolvedObject(
                    new ObjectReferenceBuilder()
                        .withKind("PersistentVolumeClaim")
                        .withNamespace(ns)
                        .withName("stuck-checkpoint")
                        .withUid(claim.getMetadata().getUid())
                        .build())
                .withType("Warning")
                .withReason("ProvisioningFailed")
                .withMessage("storageclass.storage.k8s.io \"fast\" not found")
                .withLastTimestamp(Instant.now().toString())
                .endItem()
                .build())
        .always();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "CheckpointNotBound".equals(reasonOf(ns, "stuck", "CheckpointReady")));
    // The event may come after the grace ran out: the operator keeps looking while unbound.
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                condition(ns, "stuck", "CheckpointReady")
                    .orElseThrow()
                    .getMessage()
                    .endsWith(
                        ": ProvisioningFailed: storageclass.storage.k8s.io \"fast\" not found"));
    assertThat(condition(ns, "stuck", "CheckpointReady").orElseThrow().getMessage())
        .startsWith("the checkpoint claim is still Pending 1 s after it was created: ");
    assertThat(conditionOf(ns, "stuck", "CheckpointReady")).isEqualTo("False");
    assertThat(condition(ns, "stuck", "Ready").orElseThrow().getMessage())
        .contains("CheckpointReady");

    cluster.claimBound(ns, "stuck-checkpoint");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "True".equals(conditionOf(ns, "stuck", "CheckpointReady")));
    assertThat(reasonOf(ns, "stuck", "CheckpointReady")).isEqualTo("CheckpointBound");
  }

  @Test
  @Order(99)
  void theOperatorCalledExactlyWhatTheChartGrants() throws InterruptedException {
    OperatorRbac.assertMatchesChart(server, OPERATOR_AGENT);
  }

  private static GenericKubernetesResource job(String ns, String name) {
    return cluster.sparkApplications().inNamespace(ns).withName(name).get();
  }

  private static GenericKubernetesResource kafka(String ns, String name) {
    GenericKubernetesResource kafka = new GenericKubernetesResource();
    kafka.setApiVersion("kafka.strimzi.io/v1");
    kafka.setKind("Kafka");
    kafka.setMetadata(new ObjectMetaBuilder().withNamespace(ns).withName(name).build());
    kafka.setAdditionalProperty("spec", Map.of("kafka", Map.of("listeners", List.of())));
    return kafka;
  }

  private static Map<String, Object> listeners(String bootstrap) {
    return Map.of("listeners", List.of(Map.of("name", "plain", "bootstrapServers", bootstrap)));
  }

  private static String bootstrapOf(String ns, String name) {
    ConfigMap spec = client.configMaps().inNamespace(ns).withName(name + "-spec").get();
    return spec == null ? "" : spec.getData().get("pipeline.yaml");
  }

  private static String reasonOf(String ns, String name, String type) {
    return condition(ns, name, type).map(PipelineCondition::getReason).orElse("");
  }

  private static String conditionOf(String ns, String name, String type) {
    return condition(ns, name, type).map(PipelineCondition::getStatus).orElse("");
  }

  private static Optional<PipelineCondition> condition(String ns, String name, String type) {
    StreamingPipeline p =
        client.resources(StreamingPipeline.class).inNamespace(ns).withName(name).get();
    if (p == null || p.getStatus() == null) {
      return Optional.empty();
    }
    return p.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  private static void assertOwnedAndLabelled(StreamingPipeline owner, HasMetadata resource) {
    assertThat(resource.getMetadata().getOwnerReferences())
        .anySatisfy(o -> assertThat(o.getUid()).isEqualTo(owner.getMetadata().getUid()));
    assertThat(resource.getMetadata().getLabels())
        .containsEntry(Labels.NAME, Labels.APP_NAME)
        .containsEntry(Labels.INSTANCE, owner.getMetadata().getName())
        .containsEntry(Labels.MANAGED_BY, Labels.OPERATOR)
        .containsEntry(Labels.PIPELINE, owner.getMetadata().getName());
  }

  private static Map<String, String> versions() {
    Map<String, String> versions = new java.util.TreeMap<>();
    cluster
        .topics()
        .inNamespace(NS)
        .list()
        .getItems()
        .forEach(
            t ->
                versions.put(
                    "topic/" + t.getMetadata().getName(), t.getMetadata().getResourceVersion()));
    versions.put("job", job("users").getMetadata().getResourceVersion());
    versions.put("config", configMap("users").getMetadata().getResourceVersion());
    versions.put("claim", claim("users").getMetadata().getResourceVersion());
    return versions;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(GenericKubernetesResource resource) {
    return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
  }

  private static GenericKubernetesResource topic(String topicName) {
    return cluster
        .topics()
        .inNamespace(NS)
        .withName(io.streampipe.operator.desired.Names.kafkaTopic(topicName))
        .get();
  }

  private static StreamingPipeline pipeline(String name) {
    return client.resources(StreamingPipeline.class).inNamespace(NS).withName(name).get();
  }

  private static Optional<PipelineCondition> condition(String name, String type) {
    StreamingPipeline p = pipeline(name);
    if (p == null || p.getStatus() == null) {
      return Optional.empty();
    }
    return p.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  private static String conditionStatus(String name, String type) {
    return condition(name, type).map(PipelineCondition::getStatus).orElse("");
  }

  private static List<String> events(String name) {
    return client.v1().events().inNamespace(NS).list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName()))
        .map(e -> e.getReason())
        .collect(Collectors.toList());
  }

  private static ConfigMap configMap(String name) {
    return client.configMaps().inNamespace(NS).withName(name + "-spec").get();
  }

  private static PersistentVolumeClaim claim(String name) {
    return client.persistentVolumeClaims().inNamespace(NS).withName(name + "-checkpoint").get();
  }

  private static GenericKubernetesResource job(String name) {
    return cluster.sparkApplications().inNamespace(NS).withName(name).get();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
