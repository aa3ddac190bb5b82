package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streampipe.api.v1alpha1.DeletionPolicy;
import io.streampipe.api.v1alpha1.PipelineCondition;
import io.streampipe.provisioning.TopicDefinition;
import org.junit.jupiter.api.Test;

/**
 * Strimzi installed, yet a pipeline giving bootstrap servers gets its topics over the Admin API.
 */
class AdminTopicsIT extends OperatorAgainstMockServer {
  @Test
  void withBootstrapServersAndNoStrimziClusterTheOperatorEnsuresTheTopicsOverTheAdminApi() {
    String ns = "plain-kafka";
    String servers = "kafka.plain-kafka:9092";
    StreamingPipeline pipeline = TestPipelines.withServers(ns, "direct", servers);
    pipeline.getSpec().getSink().getCassandra().setTable("direct");
    pipeline.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
    client.resource(pipeline).create();
    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> "True".equals(operator.status(ns, "direct", "TopicsReady")));
    PipelineCondition topics = operator.condition(ns, "direct", "TopicsReady").orElseThrow();
    assertThat(topics.getReason()).isEqualTo("TopicsEnsured");
    assertThat(topics.getMessage()).contains("Kafka Admin API at " + servers);
    assertThat(operator.cluster.topics().inNamespace(ns).list().getItems())
        .as("no KafkaTopics")
        .isEmpty();
    assertThat(operator.kafka.describe(servers, "users_created"))
        .map(TopicDefinition::partitions)
        .contains(3);
    assertThat(operator.kafka.describe(servers, "users_created.dlq")).isPresent();
    await()
        .atMost(OperatorFixture.WAIT)
        .until(
            () ->
                operator.configMap(ns, "direct") != null
                    && operator
                        .configMap(ns, "direct")
                        .getData()
                        .get("pipeline.yaml")
                        .contains(servers));

    // Shrinking a topic is refused by the change gate with a reason, and nothing moves.
    operator.edit(
        ns,
        "direct",
        p -> {
          p.getSpec().getSource().getTopic().setPartitions(1);
          return p;
        });
    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> "ChangeRefused".equals(operator.reason(ns, "direct", "Ready")));
    assertThat(operator.condition(ns, "direct", "Ready").orElseThrow().getMessage())
        .contains("source.topic.partitions", "Kafka cannot remove partitions");
    assertThat(operator.kafka.describe(servers, "users_created"))
        .map(TopicDefinition::partitions)
        .contains(3);

    client.resources(StreamingPipeline.class).inNamespace(ns).withName("direct").delete();
    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> operator.kafka.describe(servers, "users_created").isEmpty());
  }
}
