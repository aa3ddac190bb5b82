package io.streampipe.operator;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.javaoperatorsdk.operator.Operator;
import io.streampipe.api.JobContract;
import io.streampipe.api.v1alpha1.PipelineCondition;
import io.streampipe.operator.topics.InMemoryTopicAdmins;
import io.streampipe.provisioning.InMemorySchemaProvisioner;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** An operator on a mock API server with in-memory Cassandra and Kafka, and its pipelines. */
final class MockPipelines {
  private MockPipelines() {}

  /**
   * Starts the operator with {@code config}, its own Cassandra and topics in memory, reading the
   * jobs' progress from the cluster's played job.
   */
  static Operator startOperator(
      KubernetesMockServer server, MockCluster cluster, OperatorConfig config) {
    InMemorySchemaProvisioner cassandra = new InMemorySchemaProvisioner();
    return MockCluster.startOperator(
        server,
        "streampipe-operator",
        cluster.playingJobs(config),
        connection -> cassandra,
        new InMemoryTopicAdmins());
  }

  /** The reasons of the Events recorded on a pipeline, oldest first. */
  static List<String> eventReasons(KubernetesClient client, String ns, String name) {
    return client.v1().events().inNamespace(ns).list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName()))
        .sorted(Comparator.comparing(e -> e.getMetadata().getName()))
        .map(Event::getReason)
        .toList();
  }

  /** Creates the users pipeline and plays Strimzi and the Spark operator until it is Ready. */
  static void running(KubernetesClient client, MockCluster cluster, String ns, String name) {
    running(client, cluster, TestPipelines.users(ns, name));
  }

  /** Creates the pipeline and plays Strimzi and the Spark operator until it is Ready. */
  static void running(KubernetesClient client, MockCluster cluster, StreamingPipeline pipeline) {
    String ns = pipeline.getMetadata().getNamespace();
    String name = pipeline.getMetadata().getName();
    client.resource(pipeline).create();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> cluster.topics().inNamespace(ns).list().getItems().size() == 2);
    cluster.topicsReady(ns);
    cluster.jobRuns(ns, name);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> reason(client, ns, name, "Ready").equals("Ready"));
  }

  /**
   * Ready as production means it: the parts ready, the job reporting the pipeline's current
   * generation (observedGeneration) and progressing.
   */
  static boolean readyAtGeneration(StreamingPipeline p) {
    Long generation = p.getMetadata().getGeneration();
    return p.getStatus() != null
        && generation.equals(p.getStatus().getObservedGeneration())
        && p.getStatus().getConditions().stream()
            .anyMatch(
                c ->
                    "Ready".equals(c.getType())
                        && "True".equals(c.getStatus())
                        && generation.equals(c.getObservedGeneration()));
  }

  static String reason(KubernetesClient client, String ns, String name, String type) {
    return condition(client, ns, name, type).map(PipelineCondition::getReason).orElse("");
  }

  static Optional<PipelineCondition> condition(
      KubernetesClient client, String ns, String name, String type) {
    StreamingPipeline p =
        client.resources(StreamingPipeline.class).inNamespace(ns).withName(name).get();
    if (p == null || p.getStatus() == null) {
      return Optional.empty();
    }
    return p.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  /** The pipeline document the operator rendered into the spec ConfigMap, as the job reads it. */
  static String document(KubernetesClient client, String ns, String name) {
    return client
        .configMaps()
        .inNamespace(ns)
        .withName(name + "-spec")
        .get()
        .getData()
        .get(JobContract.SPEC_FILE_NAME);
  }
}
