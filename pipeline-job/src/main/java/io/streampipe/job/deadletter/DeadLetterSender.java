package io.streampipe.job.deadletter;

import io.streampipe.job.plan.JobPlan;
import io.streampipe.job.plan.JobSettings;
import io.streampipe.job.resources.JobResources;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends refused records of one task to the dead-letter topic through a producer shared per JVM, and
 * fails the task if any send failed, so the batch is retried instead of committed without them.
 */
public final class DeadLetterSender {
  private final KafkaProducer<byte[], byte[]> producer;
  private final String topic;
  private final AtomicReference<Exception> failure = new AtomicReference<>();

  public DeadLetterSender(KafkaProducer<byte[], byte[]> producer, String topic) {
    this.producer = producer;
    this.topic = topic;
  }

  /** The sender of one task of a pipeline, on the JVM's shared producer; null when it has none. */
  public static DeadLetterSender forTask(JobPlan plan, JobSettings settings) {
    if (!plan.deadLetterEnabled()) {
      return null;
    }
    KafkaProducer<byte[], byte[]> producer =
        JobResources.shared()
            .deadLetters()
            .producer(settings.bootstrapServers(), plan.deadLetterMaxBytes());
    return new DeadLetterSender(producer, plan.deadLetterTopic());
  }

  public void send(byte[] key, String message) {
    producer.send(
        new ProducerRecord<>(topic, key, message.getBytes(StandardCharsets.UTF_8)),
        (metadata, error) -> {
          if (error != null) {
            failure.compareAndSet(null, error);
          }
        });
  }

  /** Waits until every record sent is acknowledged. */
  public void finish() {
    producer.flush();
    Exception error = failure.get();
    if (error != null) {
      throw new IllegalStateException("a dead-letter send failed: " + error.getMessage(), error);
    }
  }
}
