package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.operator.desired.ResolvedPipeline;
import io.streampipe.operator.topics.KafkaTopicAdmins;
import io.streampipe.operator.topics.TopicService;
import io.streampipe.operator.topics.TopicsOutcome;
import io.streampipe.testkit.LocalStack;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

/** The Admin API path of a pipeline without a Strimzi cluster, against a real Kafka broker. */
class KafkaTopicAdminsIT {

  @Test
  void createsGrowsAndRefusesToShrinkOnARealBroker() throws Exception {
    String servers = LocalStack.shared().kafka().bootstrapServers();
    StreamingPipeline pipeline = TestPipelines.stored(TestPipelines.users("ns", "admin-it"));
    pipeline.getSpec().getSource().setKafkaCluster(null);
    pipeline.getSpec().getSource().setBootstrapServers(servers);
    pipeline.getSpec().getSource().getTopic().setName("admin_it_events");
    try (KafkaTopicAdmins admins = new KafkaTopicAdmins()) {
      TopicService topics = new TopicService(admins);

      TopicsOutcome created = topics.ensure(resolve(pipeline));
      assertThat(created.state()).isEqualTo(TopicsOutcome.State.READY);
      assertThat(created.changed()).isTrue();
      assertThat(partitions(servers, "admin_it_events")).isEqualTo(3);
      assertThat(topics.ensure(resolve(pipeline)).changed()).as("idempotent").isFalse();

      pipeline.getSpec().getSource().getTopic().setPartitions(4);
      assertThat(topics.ensure(resolve(pipeline)).details())
          .anyMatch(d -> d.contains("partitions grown from 3 to 4"));
      assertThat(partitions(servers, "admin_it_events")).isEqualTo(4);

      pipeline.getSpec().getSource().getTopic().setPartitions(2);
      TopicsOutcome refused = topics.ensure(resolve(pipeline));
      assertThat(refused.state()).isEqualTo(TopicsOutcome.State.REFUSED);
      assertThat(refused.details()).anyMatch(d -> d.contains("cannot shrink"));
      assertThat(partitions(servers, "admin_it_events")).isEqualTo(4);

      topics.delete(resolve(pipeline));
      try (Admin admin = admin(servers)) {
        assertThat(admin.listTopics().names().get()).doesNotContain("admin_it_events");
      }
    }
  }

  private static ResolvedPipeline resolve(StreamingPipeline pipeline) {
    return ResolvedPipeline.of(pipeline, OperatorConfig.defaults(), Optional.empty());
  }

  private static int partitions(String servers, String topic) throws Exception {
    try (Admin admin = admin(servers)) {
      return admin
          .describeTopics(java.util.List.of(topic))
          .allTopicNames()
          .get()
          .get(topic)
          .partitions()
          .size();
    }
  }

  private static Admin admin(String servers) {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers));
  }
}
