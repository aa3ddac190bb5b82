package io.streampipe.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a dead-letter topic from start to end and counts its records by rule. */
public final class DeadLetters {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration READ_LIMIT = Duration.ofSeconds(60);

  private DeadLetters() {}

  public static Map<String, Long> countByRule(String bootstrapServers, String topic) {
    Map<String, Long> counts = new TreeMap<>();
    try (KafkaConsumer<String, String> consumer = consumer(bootstrapServers)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + READ_LIMIT.toNanos();
      while (!caughtUp(consumer, end) && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          counts.merge(rule(record.value()), 1L, Long::sum);
        }
      }
    }
    return counts;
  }

  private static boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  private static String rule(String value) {
    try {
      JsonNode message = JSON.readTree(value);
      return message.path("rule").asText("unreadable");
    } catch (Exception e) {
      return "unreadable";
    }
  }

  private static KafkaConsumer<String, String> consumer(String bootstrapServers) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
  }
}
