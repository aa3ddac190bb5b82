package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.operator.dependent.AdminTopicsDependent;
import io.streampipe.operator.desired.ResolvedPipeline;
import io.streampipe.operator.topics.KafkaTopicAdmins;
import io.streampipe.operator.topics.TopicService;
import io.streampipe.operator.topics.TopicsObservation;
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

      TopicsObservation before = topics.observe(resolve(pipeline));
      assertThat(outcome(before, pipeline).state()).isEqualTo(TopicsOutcome.State.PENDING);
      assertThat(needsApply(before, pipeline)).isTrue();

      TopicsObservation created = topics.apply(resolve(pipeline));
      assertThat(outcome(created, pipeline).state()).isEqualTo(TopicsOutcome.State.READY);
      assertThat(partitions(servers, "admin_it_events")).isEqualTo(3);
      assertThat(topics.observe(resolve(pipeline)))
          .as("a poll sees what the apply returned: no event")
          .isEqualTo(created);
      assertThat(needsApply(created, pipeline)).as("idempotent: nothing to apply").isFalse();

      pipeline.getSpec().getSource().getTopic().setPartitions(4);
      assertThat(needsApply(created, pipeline)).isTrue();
      TopicsObservation grown = topics.apply(resolve(pipeline));
      assertThat(grown.existing().get("admin_it_events").partitions()).isEqualTo(4);
      assertThat(outcome(grown, pipeline).state()).isEqualTo(TopicsOutcome.State.READY);
      assertThat(partitions(servers, "admin_it_events")).isEqualTo(4);

      pipeline.getSpec().getSource().getTopic().setPartitions(2);
      TopicsOutcome refused = outcome(topics.apply(resolve(pipeline)), pipeline);
      assertThat(refused.state()).isEqualTo(TopicsOutcome.State.REFUSED);
      assertThat(refused.details()).anyMatch(d -> d.contains("cannot shrink"));
      assertThat(partitions(servers, "admin_it_events")).isEqualTo(4);
      assertThat(needsApply(grown, pipeline)).as("a refused plan sends nothing").isFalse();

      topics.delete(resolve(pipeline));
      try (Admin admin = admin(servers)) {
        assertThat(admin.listTopics().names().get()).doesNotContain("admin_it_events");
      }
    }
  }

  private static TopicsOutcome outcome(TopicsObservation observed, StreamingPipeline pipeline) {
    return AdminTopicsDependent.outcome(observed, resolve(pipeline));
  }

  private static boolean needsApply(TopicsObservation observed, StreamingPipeline pipeline) {
    ResolvedPipeline resolved = resolve(pipeline);
    return TopicsOutcome.needsApply(
        observed, resolved.bootstrapServers(), TopicService.desired(resolved));
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
