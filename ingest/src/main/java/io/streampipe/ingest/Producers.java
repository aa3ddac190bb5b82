package io.streampipe.ingest;

import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The ingester's producer settings, shared with the benchmark's plain producer (its ceiling). */
public final class Producers {
  private Producers() {}

  /** Idempotent and acknowledged by all replicas: a retried send is never written twice. */
  public static Properties settings(String bootstrapServers) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "10");
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(17 * 1024 * 1024));
    return props;
  }

  /** The settings that shape throughput, as a benchmark prints them. */
  public static String describe() {
    Properties props = settings("");
    return String.join(
        ", ",
        ProducerConfig.ACKS_CONFIG + "=" + props.get(ProducerConfig.ACKS_CONFIG),
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG
            + "="
            + props.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG),
        ProducerConfig.LINGER_MS_CONFIG + "=" + props.get(ProducerConfig.LINGER_MS_CONFIG),
        ProducerConfig.BATCH_SIZE_CONFIG + "=" + props.get(ProducerConfig.BATCH_SIZE_CONFIG),
        ProducerConfig.COMPRESSION_TYPE_CONFIG
            + "="
            + props.getOrDefault(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none"));
  }

  public static KafkaProducer<byte[], byte[]> create(String bootstrapServers) {
    return new KafkaProducer<>(
        settings(bootstrapServers), new ByteArraySerializer(), new ByteArraySerializer());
  }
}
