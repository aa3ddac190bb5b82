package io.streampipe.operator;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.streampipe.api.JobContract;
import io.streampipe.operator.runtime.PipelineOperator;
import io.streampipe.operator.schema.SchemaProvisioners;
import io.streampipe.operator.topics.TopicAdmins;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Loads the upstream CRDs and ours into a mock API server, and plays Strimzi and Spark. */
public final class MockCluster {
  private final KubernetesClient client;
  private PlayedJob job;

  public MockCluster(KubernetesClient client) {
    this.client = client;
  }

  /** The upstream CRDs of every operator streampipe works with. */
  public static final List<String> UPSTREAM =
      List.of(
          "kafkatopics.kafka.strimzi.io",
          "kafkas.kafka.strimzi.io",
          "sparkapplications.sparkoperator.k8s.io",
          "podmonitors.monitoring.coreos.com");

  /** Spark's alone: neither Strimzi nor the Prometheus Operator. */
  public static final List<String> SPARK_ONLY = List.of("sparkapplications.sparkoperator.k8s.io");

  public MockCluster loadCrds() throws IOException {
    return loadCrds(UPSTREAM);
  }

  /** Ours and only the named upstream CRDs, as in a cluster without some of the operators. */
  public MockCluster loadCrds(List<String> upstream) throws IOException {
    for (String crd : upstream) {
      create(
          Files.newInputStream(TestPipelines.sharedDir().resolve("crds").resolve(crd + ".yaml")));
    }
    // From the classpath: the operator's classes here, its jar in the e2e module.
    create(
        MockCluster.class.getResourceAsStream(
            "/META-INF/fabric8/streamingpipelines.streampipe.io-v1.yml"));
    return this;
  }

  private void create(InputStream yaml) throws IOException {
    try (yaml) {
      client.apiextensions().v1().customResourceDefinitions().load(yaml).create();
    }
  }

  public MixedOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      topics() {
    return client.genericKubernetesResources("kafka.strimzi.io/v1", "KafkaTopic");
  }

  public MixedOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      sparkApplications() {
    return client.genericKubernetesResources("sparkoperator.k8s.io/v1beta2", "SparkApplication");
  }

  public MixedOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      podMonitors() {
    return client.genericKubernetesResources("monitoring.coreos.com/v1", "PodMonitor");
  }

  /**
   * Starts the operator against the mock server as the ITs run it: its own client, whose user agent
   * tells its calls from the test's (OperatorRbac), and no Server-Side Apply, which the mock lacks.
   */
  public static Operator startOperator(
      KubernetesMockServer server,
      String userAgent,
      OperatorConfig config,
      SchemaProvisioners cassandra,
      TopicAdmins kafka) {
    KubernetesClient operatorClient =
        server.createClient(b -> b.withConfig(OperatorRbac.agent(server, userAgent)));
    Operator operator =
        PipelineOperator.create(operatorClient, config, cassandra, kafka, Metrics.NOOP, false);
    operator.start();
    return operator;
  }

  /**
   * The operator's configuration with the jobs' progress read from this cluster's {@link #jobs()},
   * so that an application {@link #jobRuns} also reports progress at its generation; polled every
   * second, so a test sees Ready soon after.
   */
  public OperatorConfig playingJobs(OperatorConfig config) {
    return config.withProgress(
        config.progress().withEndpoints(jobs().endpoints()).withPeriod(Duration.ofSeconds(1)));
  }

  /** The jobs' side: each running application's progress, a batch every 20 s unless told. */
  synchronized PlayedJob jobs() {
    if (job == null) {
      job = new PlayedJob(this, new JobPace(Duration.ofSeconds(20)));
    }
    return job;
  }

  /**
   * The Spark operator's and the job's part once the operator created the application: it runs, and
   * (with {@link #playingJobs}) its job reports progress at the generation it was rendered with.
   */
  public void jobRuns(String namespace, String name) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> sparkApplications().inNamespace(namespace).withName(name).get() != null);
    jobState(namespace, name, "RUNNING");
  }

  /** Strimzi's part: every topic Ready for its current generation. */
  public void topicsReady(String namespace) {
    for (GenericKubernetesResource topic : topics().inNamespace(namespace).list().getItems()) {
      Long generation = topic.getMetadata().getGeneration();
      topic.setAdditionalProperty(
          "status",
          Map.of(
              "observedGeneration",
              generation == null ? 1L : generation,
              "conditions",
              List.of(Map.of("type", "Ready", "status", "True"))));
      topics().inNamespace(namespace).resource(topic).updateStatus();
    }
  }

  /**
   * The Spark operator's part: the application runs. A running driver has mounted its checkpoint
   * claim, so the claim is bound too, as a volume provisioner would have done.
   */
  public void jobState(String namespace, String name, String state) {
    GenericKubernetesResource app = sparkApplications().inNamespace(namespace).withName(name).get();
    app.setAdditionalProperty("status", Map.of("applicationState", Map.of("state", state)));
    sparkApplications().inNamespace(namespace).resource(app).updateStatus();
    if ("RUNNING".equals(state)) {
      claimBound(namespace, name + "-checkpoint");
    }
  }

  /** The volume provisioner's part: the claim is bound to a volume. */
  public void claimBound(String namespace, String claimName) {
    PersistentVolumeClaim claim =
        client.persistentVolumeClaims().inNamespace(namespace).withName(claimName).get();
    if (claim.getStatus() != null && "Bound".equals(claim.getStatus().getPhase())) {
      return;
    }
    // A provisioner binds a volume of the requested size.
    claim.setStatus(
        new PersistentVolumeClaimStatusBuilder()
            .withPhase("Bound")
            .withCapacity(claim.getSpec().getResources().getRequests())
            .build());
    client.persistentVolumeClaims().inNamespace(namespace).resource(claim).updateStatus();
  }

  /** Where a SparkApplication's job keeps its checkpoint, from the driver's environment. */
  @SuppressWarnings("unchecked")
  public static String checkpointLocation(GenericKubernetesResource app) {
    Map<String, Object> driver = (Map<String, Object>) spec(app).get("driver");
    return ((List<Map<String, Object>>) driver.get("env"))
        .stream()
            .filter(e -> JobContract.ENV_CHECKPOINT_LOCATION.equals(e.get("name")))
            .map(e -> (String) e.get("value"))
            .findFirst()
            .orElseThrow();
  }

  /** The spec of a resource the mock holds, e.g. a KafkaTopic's. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> spec(GenericKubernetesResource resource) {
    return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
  }
}
