package io.streampipe.cli.produce;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sends generated events to a topic at a steady rate, and says how many Kafka acknowledged. */
public final class EventProducer implements AutoCloseable {
  private final KafkaProducer<String, byte[]> producer;
  private final String topic;
  private final Function<GeneratedEvent, byte[]> encoding;
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicReference<Exception> failure = new AtomicReference<>();

  /** Sends the events' JSON text. */
  public EventProducer(String bootstrapServers, String topic) {
    this(bootstrapServers, topic, EventEncoding.JSON);
  }

  /**
   * @param encoding what an event's Kafka value is, e.g. {@link EventEncoding#of} the pipeline
   */
  public EventProducer(
      String bootstrapServers, String topic, Function<GeneratedEvent, byte[]> encoding) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(128 * 1024));
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000");
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "60000");
    this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    this.topic = topic;
    this.encoding = encoding;
  }

  /**
   * Sends {@code count} events from the generator (or any supplier) at {@code rate} per second (0:
   * unpaced), calling {@code onSent} after each; returns once all are acknowledged.
   */
  public long send(
      Supplier<GeneratedEvent> generator,
      long count,
      double rate,
      Consumer<GeneratedEvent> onSent) {
    Pacer pacer = new Pacer(rate);
    for (long i = 0; i < count && failure.get() == null; i++) {
      pacer.awaitNext();
      GeneratedEvent event = generator.get();
      producer.send(new ProducerRecord<>(topic, event.key(), encoding.apply(event)), this::onAck);
      onSent.accept(event);
    }
    producer.flush();
    if (failure.get() != null) {
      throw new IllegalStateException(
          "Kafka refused an event: " + failure.get().getMessage(), failure.get());
    }
    return acknowledged.get();
  }

  public long acknowledged() {
    return acknowledged.get();
  }

  private void onAck(Object metadata, Exception error) {
    if (error != null) {
      failure.compareAndSet(null, error);
    } else {
      acknowledged.incrementAndGet();
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
