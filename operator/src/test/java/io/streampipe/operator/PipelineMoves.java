package io.streampipe.operator;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.streampipe.api.v1alpha1.FieldSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Changes made to a live pipeline and waited out: shared by the tests of each concern and by the
 * whole-life test that checks the operator's calls against the chart.
 */
final class PipelineMoves {
  private PipelineMoves() {}

  /**
   * A new field "country", a TTL of 1h and 6 partitions; waits until Strimzi was asked for them,
   * reports the topics Ready, and waits until the job's spec has the field.
   */
  static void addCountryAndGrow(OperatorFixture operator, String ns, String name) {
    operator.edit(
        ns,
        name,
        p -> {
          p.getSpec().getSchema().getFields().add(new FieldSpec("country", "text", false));
          p.getSpec().getSink().getCassandra().setTtl("1h");
          p.getSpec().getSource().getTopic().setPartitions(6);
          return p;
        });
    // The dead-letter topic follows the input's partitions; Strimzi reports both once updated.
    await()
        .atMost(OperatorFixture.WAIT)
        .until(
            () ->
                operator.cluster.topics().inNamespace(ns).list().getItems().stream()
                    .allMatch(t -> MockCluster.spec(t).get("partitions").equals(6)));
    operator.cluster.topicsReady(ns);
    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> jobSpec(operator, ns, name).contains("country"));
  }

  /** Edits the PodMonitor by hand and waits until the operator has put its spec back. */
  static void editPodMonitorByHand(OperatorFixture operator, String ns, String name) {
    GenericKubernetesResource monitor = podMonitor(operator, ns, name);
    Object desired = monitor.getAdditionalProperties().get("spec");
    monitor.setAdditionalProperty("spec", Map.of("selector", Map.of()));
    operator.cluster.podMonitors().inNamespace(ns).resource(monitor).update();
    await()
        .atMost(OperatorFixture.WAIT)
        .until(
            () ->
                desired.equals(
                    podMonitor(operator, ns, name).getAdditionalProperties().get("spec")));
  }

  /** Suspends the pipeline until its SparkApplication is gone, then resumes it. */
  static void suspendAndResume(OperatorFixture operator, String ns, String name) {
    operator.edit(ns, name, p -> withSuspend(p, true));
    await().atMost(OperatorFixture.WAIT).until(() -> operator.job(ns, name) == null);
    operator.edit(ns, name, p -> withSuspend(p, false));
    await().atMost(OperatorFixture.WAIT).until(() -> operator.job(ns, name) != null);
  }

  private static StreamingPipeline withSuspend(StreamingPipeline p, boolean suspend) {
    p.getSpec().setSuspend(suspend);
    return p;
  }

  /** Switches metrics off and waits until the PodMonitor is gone. */
  static void switchMetricsOff(OperatorFixture operator, String ns, String name) {
    operator.edit(
        ns,
        name,
        p -> {
          p.getSpec().getMonitoring().getPrometheus().setEnabled(false);
          return p;
        });
    await().atMost(OperatorFixture.WAIT).until(() -> podMonitor(operator, ns, name) == null);
  }

  /**
   * Strimzi publishes the listeners of the pipeline's Kafka cluster ("events"); waits until the
   * job's spec has the new bootstrap address. The API server keeps status out of a create.
   */
  static void publishBootstrap(OperatorFixture operator, String ns, String name, String servers) {
    var kafkas =
        operator.client.genericKubernetesResources("kafka.strimzi.io/v1", "Kafka").inNamespace(ns);
    GenericKubernetesResource kafka = kafkas.withName("events").get();
    if (kafka == null) {
      kafka = kafkas.resource(kafka(ns, "events")).create();
    }
    kafka.setAdditionalProperty(
        "status",
        Map.of("listeners", List.of(Map.of("name", "plain", "bootstrapServers", servers))));
    kafkas.resource(kafka).updateStatus();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> jobSpec(operator, ns, name).contains(servers));
  }

  /** The pipeline document the job reads, empty before the operator wrote it. */
  static String jobSpec(OperatorFixture operator, String ns, String name) {
    var spec = operator.configMap(ns, name);
    return spec == null ? "" : spec.getData().get("pipeline.yaml");
  }

  private static GenericKubernetesResource kafka(String ns, String name) {
    GenericKubernetesResource kafka = new GenericKubernetesResource();
    kafka.setApiVersion("kafka.strimzi.io/v1");
    kafka.setKind("Kafka");
    kafka.setMetadata(new ObjectMetaBuilder().withNamespace(ns).withName(name).build());
    kafka.setAdditionalProperty("spec", Map.of("kafka", Map.of("listeners", List.of())));
    return kafka;
  }

  static GenericKubernetesResource podMonitor(OperatorFixture operator, String ns, String name) {
    return operator.cluster.podMonitors().inNamespace(ns).withName(name).get();
  }
}
