package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.javaoperatorsdk.operator.Operator;
import io.streampipe.api.v1alpha1.PipelineCondition;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import io.streampipe.operator.desired.DesiredIngestDeployment;
import io.streampipe.operator.topics.InMemoryTopicAdmins;
import io.streampipe.provisioning.InMemorySchemaProvisioner;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** examples/users-from-api.yaml applied: the operator runs its ingester in a Deployment. */
@EnableKubernetesMockClient(crud = true)
class IngestDeploymentIT {
  static KubernetesMockServer server;
  static KubernetesClient client;
  static final String NS = "ingest";
  static final String NAME = "users-from-api";
  static final String AGENT = "streampipe-operator-ingest";
  static Operator operator;
  static MockCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster =
        new MockCluster(client)
            .loadCrds(
                List.of(
                    "sparkapplications.sparkoperator.k8s.io", "podmonitors.monitoring.coreos.com"));
    InMemorySchemaProvisioner cassandra = new InMemorySchemaProvisioner();
    operator =
        MockCluster.startOperator(
            server,
            AGENT,
            cluster.playingJobs(OperatorConfig.defaults()),
            c -> cassandra,
            new InMemoryTopicAdmins());
  }

  @AfterAll
  static void stop() {
    operator.stop();
  }

  @Test
  void theIngestDeploymentFollowsSpecIngestAndItsAvailabilityTheStatus() throws Exception {
    client.resource(TestPipelines.usersFromApi(NS, NAME)).create();

    await().atMost(Duration.ofSeconds(20)).until(() -> deployment() != null);
    Deployment created = deployment();
    assertThat(created.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(o -> assertThat(o.getName()).isEqualTo(NAME));
    assertThat(created.getSpec().getReplicas()).isEqualTo(1);
    cluster.jobRuns(NS, NAME);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "IngestUnavailable".equals(reason("IngestReady")));
    assertThat(condition("Ready").map(PipelineCondition::getStatus)).contains("False");

    available(created);
    await().atMost(Duration.ofSeconds(20)).until(() -> "True".equals(status("IngestReady")));
    await().atMost(Duration.ofSeconds(20)).until(() -> "True".equals(status("Ready")));

    // A changed ingest spec rolls the pod: the ingester reads its document once, at start.
    String hash = specHash(created);
    editSpec(spec -> spec.getIngest().setRateLimit(50.0));
    await().atMost(Duration.ofSeconds(20)).until(() -> !hash.equals(specHash(deployment())));

    editSpec(spec -> spec.setIngest(null));
    await().atMost(Duration.ofSeconds(20)).until(() -> deployment() == null);
    await().atMost(Duration.ofSeconds(20)).until(() -> condition("IngestReady").isEmpty());
    assertThat(cluster.sparkApplications().inNamespace(NS).withName(NAME).get())
        .as("the rest of the pipeline stays")
        .isNotNull();

    Map<String, Set<String>> used = OperatorRbac.used(server, AGENT);
    Map<String, Set<String>> granted = ChartRules.granted("namespaced", "cluster");
    assertThat(used.get(OperatorRbac.INGEST_DEPLOYMENTS))
        .as("the calls OperatorRbac expects only of a pipeline with an ingester")
        .containsAll(OperatorRbac.WITH_INGEST.get(OperatorRbac.INGEST_DEPLOYMENTS));
    used.forEach(
        (resource, verbs) ->
            assertThat(granted.getOrDefault(resource, Set.of()))
                .as("the chart grants " + resource + " " + verbs)
                .containsAll(verbs));
  }

  private static void editSpec(Consumer<StreamingPipelineSpec> change) {
    PipelineEdits.editSpec(client, NS, NAME, change);
  }

  /** The Deployment controller's part: the one replica is available. */
  private static void available(Deployment deployment) {
    deployment.setStatus(
        new DeploymentStatusBuilder()
            .withReplicas(1)
            .withReadyReplicas(1)
            .withAvailableReplicas(1)
            .addNewCondition()
            .withType("Available")
            .withStatus("True")
            .withReason("MinimumReplicasAvailable")
            .endCondition()
            .build());
    client.apps().deployments().inNamespace(NS).resource(deployment).updateStatus();
  }

  private static Deployment deployment() {
    return client.apps().deployments().inNamespace(NS).withName(NAME + "-ingest").get();
  }

  private static String specHash(Deployment deployment) {
    return deployment
        .getSpec()
        .getTemplate()
        .getMetadata()
        .getAnnotations()
        .get(DesiredIngestDeployment.SPEC_HASH_ANNOTATION);
  }

  private static Optional<PipelineCondition> condition(String type) {
    StreamingPipeline p =
        client.resources(StreamingPipeline.class).inNamespace(NS).withName(NAME).get();
    if (p == null || p.getStatus() == null || p.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return p.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  private static String reason(String type) {
    return condition(type).map(PipelineCondition::getReason).orElse("");
  }

  private static String status(String type) {
    return condition(type).map(PipelineCondition::getStatus).orElse("");
  }
}
