package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.JsonSchema;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.streampipe.api.JobContract;
import io.streampipe.api.PipelineDocuments;
import io.streampipe.operator.desired.DesiredCheckpointClaim;
import io.streampipe.operator.desired.DesiredConfigMap;
import io.streampipe.operator.desired.DesiredKafkaTopics;
import io.streampipe.operator.desired.DesiredPodMonitor;
import io.streampipe.operator.desired.DesiredSparkApplication;
import io.streampipe.operator.desired.Labels;
import io.streampipe.operator.desired.ResolvedPipeline;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The desired-state builders, called as the pure functions they are. */
class DesiredStateTest {
  private final ResolvedPipeline users =
      ResolvedPipeline.of(
          TestPipelines.stored(TestPipelines.users("streams", "users")),
          OperatorConfig.defaults(),
          Optional.empty());

  @Test
  void topicsCarryTheRealNameClusterLabelAndRetention() {
    Map<String, GenericKubernetesResource> topics = DesiredKafkaTopics.build(users, "v1");
    GenericKubernetesResource input = topics.get(DesiredKafkaTopics.INPUT);
    assertThat(input.getApiVersion()).isEqualTo("kafka.strimzi.io/v1");
    assertThat(input.getMetadata().getName()).matches("users-created-[0-9a-f]{8}");
    assertThat(input.getMetadata().getLabels()).containsEntry(Labels.STRIMZI_CLUSTER, "events");
    assertThat(spec(input))
        .containsEntry("topicName", "users_created")
        .containsEntry("partitions", 3)
        .containsEntry("replicas", 1);
    assertThat((Map<String, Object>) spec(input).get("config"))
        .containsEntry("retention.ms", 604_800_000);
    assertThat(spec(topics.get(DesiredKafkaTopics.DEAD_LETTER)))
        .containsEntry("topicName", "users_created.dlq");
    assertThat(DesiredKafkaTopics.build(users, "v1beta2").get("input").getApiVersion())
        .isEqualTo("kafka.strimzi.io/v1beta2");
  }

  @Test
  void configMapHoldsTheResolvedDocument() {
    ConfigMap config = DesiredConfigMap.build(users);
    var document = PipelineDocuments.parse(config.getData().get(JobContract.SPEC_FILE_NAME), "cm");
    assertThat(document.spec().getSource().getBootstrapServers())
        .isEqualTo("events-kafka-bootstrap.streams.svc:9092");
    assertThat(document.spec().getSource().getKafkaCluster()).isNull();
    assertThat(document.spec().getSink().getCassandra().getContactPoints())
        .containsExactly("localhost:9042");
    assertThat(config.getMetadata().getOwnerReferences()).hasSize(1);
  }

  @Test
  void sparkApplicationMountsSpecAndCheckpointAndTakesSecretsByReference() {
    users.spec().getSink().getCassandra().setCredentialsSecret("cassandra-creds");
    GenericKubernetesResource app = DesiredSparkApplication.build(users);
    Map<String, Object> spec = spec(app);
    assertThat(spec)
        .containsEntry("mode", "cluster")
        .containsEntry("mainClass", JobContract.MAIN_CLASS);
    assertThat((Map<String, Object>) spec.get("restartPolicy")).containsEntry("type", "Always");
    Map<String, Object> driver = (Map<String, Object>) spec.get("driver");
    assertThat(driver.get("volumeMounts").toString())
        .contains(JobContract.SPEC_MOUNT_DIR)
        .contains(JobContract.CHECKPOINT_MOUNT_DIR);
    assertThat(driver.get("env").toString())
        .contains("secretKeyRef")
        .contains("cassandra-creds")
        .doesNotContain("password=");
    assertThat(driver.get("ports").toString()).contains("containerPort=9464");
    assertThat((Map<String, Object>) driver.get("securityContext"))
        .containsEntry("runAsNonRoot", true)
        .containsEntry("readOnlyRootFilesystem", true);
  }

  @Test
  void theRegistryLoginReachesDriverAndExecutorsFromItsSecret() {
    var registry = new io.streampipe.api.v1alpha1.RegistrySpec();
    registry.setUrl("http://registry:8080/apis/ccompat/v6");
    registry.setCredentialsSecret("registry-login");
    users.spec().getSource().setFormat("avro");
    users.spec().getSource().setRegistry(registry);
    Map<String, Object> spec = spec(DesiredSparkApplication.build(users));
    for (String pod : List.of("driver", "executor")) {
      List<Object> env = (List<Object>) ((Map<String, Object>) spec.get(pod)).get("env");
      assertThat(env)
          .as(pod)
          .contains(
              Map.of(
                  "name",
                  JobContract.ENV_REGISTRY_USERNAME,
                  "valueFrom",
                  Map.of("secretKeyRef", Map.of("name", "registry-login", "key", "username"))),
              Map.of(
                  "name",
                  JobContract.ENV_REGISTRY_PASSWORD,
                  "valueFrom",
                  Map.of("secretKeyRef", Map.of("name", "registry-login", "key", "password"))));
    }
  }

  @Test
  void rendersConformToTheUpstreamCrds() throws Exception {
    JsonSchema topic = CrdSchemas.load("kafkatopics.kafka.strimzi.io.yaml", "v1");
    JsonSchema spark = CrdSchemas.load("sparkapplications.sparkoperator.k8s.io.yaml", "v1beta2");
    JsonSchema monitor = CrdSchemas.load("podmonitors.monitoring.coreos.com.yaml", "v1");
    users.spec().getSink().getCassandra().setCredentialsSecret("cassandra-creds");
    for (GenericKubernetesResource t : DesiredKafkaTopics.build(users, "v1").values()) {
      assertThat(CrdSchemas.problems(topic, t)).isEmpty();
    }
    assertThat(CrdSchemas.problems(spark, DesiredSparkApplication.build(users))).isEmpty();
    assertThat(CrdSchemas.problems(monitor, DesiredPodMonitor.build(users))).isEmpty();
  }

  @Test
  void theSchemaCheckCatchesUnknownFieldsWrongTypesAndBadEnums() throws Exception {
    JsonSchema spark = CrdSchemas.load("sparkapplications.sparkoperator.k8s.io.yaml", "v1beta2");
    GenericKubernetesResource unknown = DesiredSparkApplication.build(users);
    spec(unknown).put("restartPolicyy", Map.of("type", "Always"));
    assertThat(CrdSchemas.problems(spark, unknown)).isNotEmpty();
    GenericKubernetesResource wrongType = DesiredSparkApplication.build(users);
    ((Map<String, Object>) spec(wrongType).get("driver")).put("cores", "one");
    assertThat(CrdSchemas.problems(spark, wrongType)).isNotEmpty();
    GenericKubernetesResource badEnum = DesiredSparkApplication.build(users);
    spec(badEnum).put("restartPolicy", Map.of("type", "Sometimes"));
    assertThat(CrdSchemas.problems(spark, badEnum)).isNotEmpty();
    JsonSchema topic = CrdSchemas.load("kafkatopics.kafka.strimzi.io.yaml", "v1");
    GenericKubernetesResource badTopic = DesiredKafkaTopics.build(users, "v1").get("input");
    spec(badTopic).put("partitions", 0);
    assertThat(CrdSchemas.problems(topic, badTopic)).isNotEmpty();
  }

  @Test
  void checkpointClaimUsesSizeAndClass() {
    users.spec().getProcessing().getCheckpoint().setStorageClass("fast");
    PersistentVolumeClaim claim = DesiredCheckpointClaim.build(users);
    assertThat(claim.getSpec().getStorageClassName()).isEqualTo("fast");
    assertThat(claim.getSpec().getResources().getRequests().get("storage").toString())
        .isEqualTo("1Gi");
    assertThat(claim.getSpec().getAccessModes()).isEqualTo(List.of("ReadWriteOnce"));
  }

  @Test
  void withoutStrimziClusterNoTopicsAreManaged() {
    StreamingPipeline direct = TestPipelines.stored(TestPipelines.users("streams", "direct"));
    direct.getSpec().getSource().setKafkaCluster(null);
    direct.getSpec().getSource().setBootstrapServers("kafka:9092");
    ResolvedPipeline resolved =
        ResolvedPipeline.of(direct, OperatorConfig.defaults(), Optional.empty());
    assertThat(DesiredKafkaTopics.build(resolved, "v1")).isEmpty();
    assertThat(resolved.bootstrapServers()).isEqualTo("kafka:9092");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(GenericKubernetesResource resource) {
    return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
  }
}
