package io.streampipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.testkit.LocalStack;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProvisionAndProduceIT {
  private static LocalStack stack;

  @BeforeAll
  static void startServers() {
    stack = LocalStack.shared();
  }

  @Test
  void provisionCreatesTopicsAndTableThenHasNothingToDo() {
    CliRunner.Result first = provision();
    CliRunner.Result second = provision();

    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out())
        .contains("topic users_created: created with 3 partitions")
        .contains("topic users_created.dlq: created")
        .contains("cql: CREATE TABLE IF NOT EXISTS \"spark_streams\".\"created_users\"")
        .contains("WITH default_time_to_live = 1200")
        .contains("topics and table of users are ready");
    assertThat(second.code()).isZero();
    assertThat(second.out().lines()).containsExactly("  topics and table of users are ready");
  }

  @Test
  void produceSendsTheRequestedNumberOfEvents() {
    provision();
    long before = endOffsets("users_created");

    CliRunner.Result result =
        CliRunner.run(
            "produce",
            "-f",
            CliRunner.EXAMPLE.toString(),
            "--bootstrap-servers",
            stack.kafka().bootstrapServers(),
            "--count",
            "500",
            "--rate",
            "0");

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).contains("sent 500 events to users_created");
    assertThat(endOffsets("users_created") - before).isEqualTo(500);
  }

  @Test
  void anUnreachableServerIsOneClearLine() {
    CliRunner.Result result =
        CliRunner.run(
            "provision",
            "-f",
            CliRunner.EXAMPLE.toString(),
            "--bootstrap-servers",
            stack.kafka().bootstrapServers(),
            "--cassandra",
            "127.0.0.1:1");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err().strip())
        .startsWith("error: cannot reach Cassandra at 127.0.0.1:1: Connection refused");
  }

  private static CliRunner.Result provision() {
    return CliRunner.run(
        "provision",
        "-f",
        CliRunner.EXAMPLE.toString(),
        "--bootstrap-servers",
        stack.kafka().bootstrapServers(),
        "--cassandra",
        stack.cassandra().contactPoint());
  }

  private static long endOffsets(String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      return end.values().stream().mapToLong(Long::longValue).sum();
    }
  }
}
