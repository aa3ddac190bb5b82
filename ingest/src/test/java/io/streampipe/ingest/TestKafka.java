package io.streampipe.ingest;

import io.streampipe.testkit.KafkaServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** One real Kafka broker for this module's tests (no Cassandra: the ingester never needs it). */
final class TestKafka {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static KafkaServer server;

  private TestKafka() {}

  static synchronized String bootstrap() {
    if (server == null) {
      server = new KafkaServer().start();
    }
    return server.bootstrapServers();
  }

  /** A fresh name; the input topic and its dead-letter topic get one partition, so order holds. */
  static String freshTopic(String prefix) throws Exception {
    String name = prefix + "_" + System.nanoTime() % 100_000 + "_" + SEQUENCE.incrementAndGet();
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    try (Admin admin = Admin.create(props)) {
      admin
          .createTopics(
              List.of(new NewTopic(name, 1, (short) 1), new NewTopic(name + ".dlq", 1, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    return name;
  }

  /** Reads a topic from the start until {@code count} records arrived or the time is up. */
  static List<ConsumerRecord<String, String>> read(String topic, int count, Duration limit) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long deadline = System.nanoTime() + limit.toNanos();
      while (records.size() < count && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      // One more short poll: a record past the expected count is a duplicate the test must see.
      consumer.poll(Duration.ofMillis(500)).forEach(records::add);
    }
    return records;
  }
}
