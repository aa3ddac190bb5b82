package io.streampipe.job.resources;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One dead-letter producer per Kafka cluster, shared by every task: a producer is thread-safe and
 * keeps connections and buffers. Held by {@link JobResources}, which closes it.
 */
public final class DeadLetterProducers {
  private final Map<String, KafkaProducer<byte[], byte[]>> producers = new ConcurrentHashMap<>();

  DeadLetterProducers() {}

  /**
   * @param maxRequestBytes the dead-letter topic's max.message.bytes, so the producer takes any
   *     record the topic takes
   */
  public KafkaProducer<byte[], byte[]> producer(String bootstrapServers, int maxRequestBytes) {
    return producers.computeIfAbsent(
        bootstrapServers + "|" + maxRequestBytes, key -> open(bootstrapServers, maxRequestBytes));
  }

  /** Closes every producer, which sends what it still holds; the next use opens a new one. */
  synchronized void close() {
    producers.values().forEach(KafkaProducer::close);
    producers.clear();
  }

  private static KafkaProducer<byte[], byte[]> open(String bootstrapServers, int maxRequestBytes) {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    // Dead letters wait for nothing but the task's end, which flushes them: a long linger packs
    // them into few requests. At 5 ms the broker spent ~4 us of CPU per row of the batch on them.
    config.put(ProducerConfig.LINGER_MS_CONFIG, 100);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxRequestBytes);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "streampipe-dead-letters");
    return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
  }
}
