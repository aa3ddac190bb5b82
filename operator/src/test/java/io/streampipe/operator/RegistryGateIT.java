package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.javaoperatorsdk.operator.Operator;
import io.streampipe.api.JobContract;
import io.streampipe.api.v1alpha1.FieldSpec;
import io.streampipe.api.v1alpha1.PipelineCondition;
import io.streampipe.api.v1alpha1.RegistrySpec;
import io.streampipe.provisioning.registry.RegisteredSchema;
import io.streampipe.provisioning.registry.SchemaRegistryClient;
import io.streampipe.testkit.SchemaRegistryServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * An Avro pipeline through the operator with a real registry and a login from a Secret: its schema
 * is registered when it is first applied, an incompatible spec update is held with the field named
 * and the job untouched, a compatible one registers the next version, and the login's password
 * shows nowhere.
 */
@EnableKubernetesMockClient(crud = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistryGateIT {
  static KubernetesMockServer server;
  static KubernetesClient client;
  static final String NS = "registry";
  static final String NAME = "users";
  static final String SUBJECT = "users_created-value";
  static final String LOGIN = "registry-login";
  static Operator operator;
  static MockCluster cluster;
  static SchemaRegistryServer registry;
  static SchemaRegistryClient subjects;

  @BeforeAll
  static void start() throws Exception {
    registry = new SchemaRegistryServer().start();
    subjects = new SchemaRegistryClient(registry.url(), null, null, 1, Duration.ZERO);
    cluster = new MockCluster(client).loadCrds(List.of("sparkapplications.sparkoperator.k8s.io"));
    operator = MockPipelines.startOperator(server, cluster, OperatorConfig.defaults());
    StreamingPipeline pipeline = TestPipelines.usersOnServers(NS, NAME);
    pipeline.getSpec().getSource().setFormat("avro");
    RegistrySpec spec = new RegistrySpec();
    spec.setUrl(registry.url());
    // The in-memory registry takes any login; the operator must still send it and show it nowhere.
    SecretLeaks.createSecret(client, NS, LOGIN);
    spec.setCredentialsSecret(LOGIN);
    pipeline.getSpec().getSource().setRegistry(spec);
    client.resource(pipeline).create();
    cluster.jobRuns(NS, NAME);
    await().atMost(Duration.ofSeconds(30)).until(() -> "Ready".equals(ready().getReason()));
  }

  @AfterAll
  static void stop() {
    operator.stop();
    registry.stop();
  }

  @Test
  @Order(1)
  void theFirstApplyRegistersTheSchema() {
    assertThat(subjects.latest(SUBJECT).map(RegisteredSchema::version)).contains(1);
    assertThat(subjects.latest(SUBJECT).orElseThrow().schema()).contains("\"name\":\"email\"");
  }

  @Test
  @Order(2)
  void aNewRequiredFieldIsHeldWithTheFieldNamedAndTheJobUntouched() {
    String document = document();
    String jobVersion = sparkApplicationVersion();

    PipelineEdits.editSpec(
        client, NS, NAME, s -> s.getSchema().getFields().add(new FieldSpec("age", "int", true)));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "SchemaIncompatible".equals(ready().getReason()));
    assertThat(ready().getMessage())
        .contains(
            "registry subject " + SUBJECT,
            "field age: a required field without a default cannot be added under BACKWARD");
    assertThat(MockPipelines.eventReasons(client, NS, NAME)).contains("SchemaIncompatible");
    assertThat(document()).isEqualTo(document);
    assertThat(sparkApplicationVersion()).isEqualTo(jobVersion);
    assertThat(subjects.latest(SUBJECT).map(RegisteredSchema::version)).contains(1);
  }

  @Test
  @Order(3)
  void theFieldMadeOptionalIsAppliedAsTheNextVersion() {
    PipelineEdits.editSpec(
        client, NS, NAME, s -> s.getSchema().field("age").orElseThrow().setRequired(false));

    await().atMost(Duration.ofSeconds(30)).until(() -> document().contains("name: age"));
    assertThat(subjects.latest(SUBJECT).map(RegisteredSchema::version)).contains(2);
    // The status is written at the end of the reconcile that applied the document.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !"SchemaIncompatible".equals(ready().getReason()));
  }

  @Test
  @Order(4)
  void theRegistryPasswordIsInNothingTheOperatorWrote() throws Exception {
    var outputs = SecretLeaks.outputs(client, NS, List.of());
    SecretLeaks.assertNoPasswordIn(outputs, LOGIN);
    assertThat(outputs.get("sparkapplications"))
        .as("the job's registry login, by reference")
        .contains(JobContract.ENV_REGISTRY_USERNAME, JobContract.ENV_REGISTRY_PASSWORD);
  }

  private static String document() {
    return MockPipelines.document(client, NS, NAME);
  }

  private static String sparkApplicationVersion() {
    return cluster
        .sparkApplications()
        .inNamespace(NS)
        .withName(NAME)
        .get()
        .getMetadata()
        .getResourceVersion();
  }

  private static PipelineCondition ready() {
    return MockPipelines.condition(client, NS, NAME, "Ready").orElseGet(PipelineCondition::new);
  }
}
