package io.streampipe.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The state in a compacted topic {@code <input topic>.ingest-state}, keyed by pipeline: no volume
 * to mount, and compaction keeps the last state of each pipeline for ever.
 */
final class KafkaStateStore implements StateStore {
  static final String SUFFIX = ".ingest-state";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String bootstrapServers;
  private final String topic;
  private final byte[] key;
  private final Producer<byte[], byte[]> producer;

  KafkaStateStore(
      String bootstrapServers,
      String inputTopic,
      String pipeline,
      Producer<byte[], byte[]> producer) {
    this.bootstrapServers = bootstrapServers;
    this.topic = inputTopic + SUFFIX;
    this.key = pipeline.getBytes(StandardCharsets.UTF_8);
    this.producer = producer;
  }

  /** Creates the compacted topic when it is missing, and returns once it is served. */
  void ensureTopic(int replicas) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    try (Admin admin = Admin.create(props)) {
      NewTopic state =
          new NewTopic(topic, 1, (short) replicas)
              .configs(
                  Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
      admin.createTopics(List.of(state)).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      // The first save follows within a second, through the producer that sends the records.
      TopicLeaders.await(admin, List.of(new TopicPartition(topic, 0)), TIMEOUT);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create " + topic + ": " + e.getCause(), e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted creating " + topic, e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kafka did not create " + topic + " in " + TIMEOUT, e);
    }
  }

  @Override
  public IngestState load() {
    IngestState last = IngestState.EMPTY;
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition), TIMEOUT).get(partition);
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (consumer.position(partition) < end && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (java.util.Arrays.equals(key, record.key()) && record.value() != null) {
            last = parse(record.value());
          }
        }
      }
    }
    return last;
  }

  @Override
  public void save(IngestState state) {
    try {
      producer
          .send(new ProducerRecord<>(topic, key, JSON.writeValueAsBytes(state)))
          .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot save the ingest state to " + topic, e);
    }
  }

  private static IngestState parse(byte[] value) {
    try {
      return JSON.readValue(value, IngestState.class);
    } catch (IOException e) {
      return IngestState.EMPTY;
    }
  }

  private KafkaConsumer<byte[], byte[]> consumer() {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
