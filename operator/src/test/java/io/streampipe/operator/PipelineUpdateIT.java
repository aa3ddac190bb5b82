package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.streampipe.api.v1alpha1.FieldSpec;
import io.streampipe.api.v1alpha1.PipelineCondition;
import io.streampipe.operator.desired.Names;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A live pipeline changed: by its spec, by its Strimzi cluster, by hand; or refused as invalid. */
class PipelineUpdateIT extends OperatorAgainstMockServer {
  @Test
  void anUpdateReachesTheTableTheTopicsAndTheJob() {
    String ns = "update";
    operator.createReady(users(ns, "updated"));

    PipelineMoves.addCountryAndGrow(operator, ns, "updated");

    assertThat(ddl()).anyMatch(s -> s.contains("ADD \"country\" text"));
    assertThat(ddl()).anyMatch(s -> s.contains("default_time_to_live = 3600"));
    assertThat(MockCluster.spec(topic(ns, "users_created")).get("partitions")).isEqualTo(6);
    assertThat(MockCluster.spec(topic(ns, "users_created.dlq")).get("partitions")).isEqualTo(6);
    operator.awaitObserved(ns, "updated", 2);
    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> operator.status(ns, "updated", "Ready").equals("True"));
    assertThat(operator.pipeline(ns, "updated").getStatus().getTtl()).isEqualTo("1h");
  }

  @Test
  void anInvalidUpdateIsRefusedAndChangesNothing() {
    String ns = "invalid";
    operator.createReady(users(ns, "refused"));
    Map<String, String> versionsBefore = versions(ns, "refused");
    int ddlBefore = ddl().size();
    operator.edit(
        ns,
        "refused",
        p -> {
          p.getSpec().getSink().getCassandra().setTtl("forever");
          p.getSpec().getSchema().getFields().add(new FieldSpec("bad name", "text", false));
          return p;
        });
    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> "InvalidSpec".equals(operator.reason(ns, "refused", "Ready")));
    String message = operator.condition(ns, "refused", "Ready").orElseThrow().getMessage();
    assertThat(message).contains("spec.sink.cassandra.ttl").contains("bad name");
    assertThat(operator.eventReasons(ns, "refused")).contains("InvalidSpec");

    // A later change the operator has reconciled: whatever the first one did is done by now.
    operator.edit(
        ns,
        "refused",
        p -> {
          p.getSpec().getSchema().getFields().add(new FieldSpec("worse name", "text", false));
          return p;
        });
    operator.awaitObserved(ns, "refused", 3);
    assertThat(operator.condition(ns, "refused", "Ready").map(PipelineCondition::getMessage))
        .hasValueSatisfying(m -> assertThat(m).contains("worse name"));
    assertThat(versions(ns, "refused")).isEqualTo(versionsBefore);
    assertThat(ddl()).hasSize(ddlBefore);
    assertThat(operator.status(ns, "refused", "JobRunning")).isEqualTo("True");
  }

  @Test
  void aKafkaStatusChangeReconcilesThePipelinesUsingThatCluster() {
    String ns = "follow";
    client.resource(users(ns, "follower")).create();
    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> operator.cluster.topics().inNamespace(ns).list().getItems().size() == 2);
    operator.cluster.topicsReady(ns);
    await()
        .atMost(OperatorFixture.WAIT)
        .until(
            () ->
                PipelineMoves.jobSpec(operator, ns, "follower")
                    .contains("events-kafka-bootstrap.follow.svc:9092"));

    // Strimzi publishes the cluster's listeners: the pipeline follows within seconds, not at
    // the next periodic reconcile (10 minutes).
    for (String broker : List.of("broker-0.events.example:9092", "broker-1.events.example:9092")) {
      PipelineMoves.publishBootstrap(operator, ns, "follower", broker);
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> operator.job(ns, "follower").toString().contains("broker-1.events.example:9092"));
  }

  @Test
  void aDependentEditedByHandIsPutBack() {
    String ns = "by-hand";
    client.resource(users(ns, "edited")).create();
    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> PipelineMoves.podMonitor(operator, ns, "edited") != null);

    PipelineMoves.editPodMonitorByHand(operator, ns, "edited");
  }

  @Test
  void metricsSwitchedOffRemoveThePodMonitor() {
    String ns = "metrics-off";
    client.resource(users(ns, "quiet")).create();
    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> PipelineMoves.podMonitor(operator, ns, "quiet") != null);

    PipelineMoves.switchMetricsOff(operator, ns, "quiet");
  }

  /** The reference pipeline writing to a table of its own, so tests share no Cassandra state. */
  static StreamingPipeline users(String ns, String name) {
    StreamingPipeline pipeline = TestPipelines.users(ns, name);
    pipeline.getSpec().getSink().getCassandra().setTable(name.replace('-', '_'));
    return pipeline;
  }

  private static List<String> ddl() {
    return operator.cassandra.executed();
  }

  private static GenericKubernetesResource topic(String ns, String topicName) {
    return operator.cluster.topics().inNamespace(ns).withName(Names.kafkaTopic(topicName)).get();
  }

  /** The resource versions of the pipeline's parts: equal exactly when none was written. */
  private static Map<String, String> versions(String ns, String name) {
    Map<String, String> versions = new TreeMap<>();
    operator
        .cluster
        .topics()
        .inNamespace(ns)
        .list()
        .getItems()
        .forEach(
            t ->
                versions.put(
                    "topic/" + t.getMetadata().getName(), t.getMetadata().getResourceVersion()));
    versions.put("job", operator.job(ns, name).getMetadata().getResourceVersion());
    versions.put("config", operator.configMap(ns, name).getMetadata().getResourceVersion());
    versions.put("claim", operator.claim(ns, name).getMetadata().getResourceVersion());
    return versions;
  }
}
