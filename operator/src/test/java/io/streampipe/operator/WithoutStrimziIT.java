package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.streampipe.api.v1alpha1.DeletionPolicy;
import io.streampipe.api.v1alpha1.PipelineCondition;
import io.streampipe.operator.runtime.PipelineOperator;
import io.streampipe.operator.topics.InMemoryTopicAdmins;
import io.streampipe.provisioning.InMemorySchemaProvisioner;
import io.streampipe.provisioning.TopicDefinition;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The operator in a cluster with an external Kafka and no Strimzi CRDs at all. */
@EnableKubernetesMockClient(crud = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WithoutStrimziIT {
  static KubernetesMockServer server;
  static KubernetesClient client;
  static final String NS = "no-strimzi";
  static final String AGENT = "streampipe-operator-without-strimzi";
  static final String SERVERS = "kafka.external:9092";
  static final InMemoryTopicAdmins KAFKA = new InMemoryTopicAdmins();
  static Operator operator;
  static MockCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = new MockCluster(client).loadCrds(List.of("sparkapplications.sparkoperator.k8s.io"));
    InMemorySchemaProvisioner cassandra = new InMemorySchemaProvisioner();
    KubernetesClient operatorClient =
        server.createClient(b -> b.withConfig(OperatorRbac.agent(server, AGENT)));
    operator =
        PipelineOperator.create(
            operatorClient,
            OperatorConfig.defaults(),
            connection -> cassandra,
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
  @Order(1)
  void startsHealthyWithoutStrimzi() {
    assertThat(operator.getRuntimeInfo().isStarted()).isTrue();
    assertThat(operator.getRuntimeInfo().allEventSourcesAreHealthy()).isTrue();
  }

  @Test
  @Order(2)
  void aPipelineWithBootstrapServersConverges() {
    StreamingPipeline pipeline = TestPipelines.users(NS, "direct");
    pipeline.getSpec().getSource().setKafkaCluster(null);
    pipeline.getSpec().getSource().setBootstrapServers(SERVERS);
    pipeline.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
    client.resource(pipeline).create();

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "TopicsEnsured".equals(reason("direct", "TopicsReady")));
    await().atMost(Duration.ofSeconds(20)).until(() -> job("direct") != null);
    assertThat(KAFKA.describe(SERVERS, "users_created"))
        .map(TopicDefinition::partitions)
        .contains(3);
    assertThat(configMap("direct").getData().get("pipeline.yaml")).contains(SERVERS);
    assertThat(client.persistentVolumeClaims().inNamespace(NS).withName("direct-checkpoint").get())
        .isNotNull();
    cluster.jobState(NS, "direct", "RUNNING");
    await().atMost(Duration.ofSeconds(20)).until(() -> "Ready".equals(reason("direct", "Ready")));

    client.resources(StreamingPipeline.class).inNamespace(NS).withName("direct").delete();
    await().atMost(Duration.ofSeconds(20)).until(() -> pipeline("direct") == null);
    assertThat(KAFKA.describe(SERVERS, "users_created")).isEmpty();
  }

  @Test
  @Order(3)
  void aPipelineNamingAKafkaClusterSaysStrimziIsMissingAndWaits() throws Exception {
    client.resource(TestPipelines.users(NS, "strimzi")).create();

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "StrimziNotInstalled".equals(reason("strimzi", "TopicsReady")));
    PipelineCondition topics = condition("strimzi", "TopicsReady").orElseThrow();
    assertThat(topics.getStatus()).isEqualTo("False");
    assertThat(topics.getMessage()).contains("Strimzi is not installed", "bootstrapServers");
    assertThat(condition("strimzi", "Ready").orElseThrow().getStatus()).isEqualTo("False");
    Thread.sleep(1000);
    assertThat(configMap("strimzi")).as("the job's spec waits for topics").isNull();
    assertThat(job("strimzi")).as("the job waits for topics").isNull();
    assertThat(KAFKA.describe(SERVERS, "users_created")).as("not created elsewhere").isEmpty();

    client.resources(StreamingPipeline.class).inNamespace(NS).withName("strimzi").delete();
    await().atMost(Duration.ofSeconds(20)).until(() -> pipeline("strimzi") == null);
  }

  @Test
  @Order(99)
  void everyCallIsOneTheChartGrants() throws InterruptedException {
    Map<String, Set<String>> granted = ChartRules.granted("namespaced", "cluster");
    OperatorRbac.used(server, AGENT)
        .forEach(
            (resource, verbs) ->
                assertThat(granted.getOrDefault(resource, Set.of()))
                    .as("the chart grants " + resource + " " + verbs)
                    .containsAll(verbs));
  }

  private static StreamingPipeline pipeline(String name) {
    return client.resources(StreamingPipeline.class).inNamespace(NS).withName(name).get();
  }

  private static Optional<PipelineCondition> condition(String name, String type) {
    StreamingPipeline p = pipeline(name);
    if (p == null || p.getStatus() == null || p.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return p.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  private static String reason(String name, String type) {
    return condition(name, type).map(PipelineCondition::getReason).orElse("");
  }

  private static ConfigMap configMap(String name) {
    return client.configMaps().inNamespace(NS).withName(name + "-spec").get();
  }

  private static GenericKubernetesResource job(String name) {
    return cluster.sparkApplications().inNamespace(NS).withName(name).get();
  }
}
