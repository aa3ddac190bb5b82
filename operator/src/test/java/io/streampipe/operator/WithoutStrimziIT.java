package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streampipe.api.v1alpha1.DeletionPolicy;
import io.streampipe.api.v1alpha1.PipelineCondition;
import io.streampipe.provisioning.TopicDefinition;
import org.junit.jupiter.api.Test;

/** The operator in a cluster with an external Kafka and no Strimzi CRDs at all. */
class WithoutStrimziIT extends OperatorWithSparkOnly {
  static final String NS = "no-strimzi";
  static final String SERVERS = "kafka.external:9092";

  @Test
  void startsHealthyWithoutStrimzi() {
    assertThat(operator.operator().getRuntimeInfo().isStarted()).isTrue();
    assertThat(operator.operator().getRuntimeInfo().allEventSourcesAreHealthy()).isTrue();
  }

  @Test
  void aPipelineWithBootstrapServersConverges() {
    StreamingPipeline pipeline = TestPipelines.withServers(NS, "direct", SERVERS);
    pipeline.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
    client.resource(pipeline).create();

    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> "TopicsEnsured".equals(operator.reason(NS, "direct", "TopicsReady")));
    await().atMost(OperatorFixture.WAIT).until(() -> operator.job(NS, "direct") != null);
    assertThat(operator.kafka.describe(SERVERS, "users_created"))
        .map(TopicDefinition::partitions)
        .contains(3);
    assertThat(operator.configMap(NS, "direct").getData().get("pipeline.yaml")).contains(SERVERS);
    assertThat(operator.claim(NS, "direct")).isNotNull();
    operator.cluster.jobState(NS, "direct", "RUNNING");
    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> "Ready".equals(operator.reason(NS, "direct", "Ready")));

    operator.delete(NS, "direct");
    assertThat(operator.kafka.describe(SERVERS, "users_created")).isEmpty();
  }

  @Test
  void aPipelineNamingAKafkaClusterSaysStrimziIsMissingAndWaits() {
    StreamingPipeline pipeline = TestPipelines.users(NS, "strimzi");
    pipeline.getSpec().getSource().getTopic().setName("strimzi_users");
    client.resource(pipeline).create();

    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> "StrimziNotInstalled".equals(operator.reason(NS, "strimzi", "TopicsReady")));
    PipelineCondition topics = operator.condition(NS, "strimzi", "TopicsReady").orElseThrow();
    assertThat(topics.getStatus()).isEqualTo("False");
    assertThat(topics.getMessage()).contains("Strimzi is not installed", "bootstrapServers");
    assertThat(operator.status(NS, "strimzi", "Ready")).isEqualTo("False");
    // A later change the operator has reconciled: still nothing may have been made.
    operator.edit(
        NS,
        "strimzi",
        p -> {
          p.getSpec().getSink().getCassandra().setTtl("2h");
          return p;
        });
    operator.awaitObserved(NS, "strimzi", 2);
    assertThat(operator.configMap(NS, "strimzi")).as("the job's spec waits for topics").isNull();
    assertThat(operator.job(NS, "strimzi")).as("the job waits for topics").isNull();
    assertThat(operator.kafka.describe(SERVERS, "strimzi_users"))
        .as("not created elsewhere")
        .isEmpty();

    operator.delete(NS, "strimzi");
  }
}
