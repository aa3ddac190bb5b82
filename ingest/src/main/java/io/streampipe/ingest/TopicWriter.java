package io.streampipe.ingest;

import io.streampipe.ingest.RecordSplitter.Outcome;
import io.streampipe.ingest.RecordSplitter.Split;
import java.time.Clock;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a split body's records to the input topic at the rate limit, and its refusals to the
 * dead-letter topic (or only counts them when dead-lettering is off, as the job does).
 */
final class TopicWriter {
  private static final Logger LOG = LoggerFactory.getLogger(TopicWriter.class);

  private final Producer<byte[], byte[]> producer;
  private final String topic;
  private final EdgeDeadLetter deadLetters;
  private final TokenBucket bucket;
  private final IngestMetrics metrics;
  private final Clock clock;

  /**
   * @param deadLetters null when dead-lettering is off
   */
  TopicWriter(
      Producer<byte[], byte[]> producer,
      String topic,
      EdgeDeadLetter deadLetters,
      TokenBucket bucket,
      IngestMetrics metrics,
      Clock clock) {
    this.producer = producer;
    this.topic = topic;
    this.deadLetters = deadLetters;
    this.bucket = bucket;
    this.metrics = metrics;
    this.clock = clock;
  }

  void write(Split split, String source) throws InterruptedException {
    metrics.received(split.outcomes().size());
    // One callback for the body's records, not one per record.
    Callback acknowledged =
        (metadata, error) -> {
          if (error == null) {
            metrics.sent();
          } else {
            metrics.sendFailed();
            LOG.warn("a record from {} was not sent to {}: {}", source, topic, error.toString());
          }
        };
    for (Outcome outcome : split.outcomes()) {
      if (outcome.accepted()) {
        bucket.acquire();
        producer.send(new ProducerRecord<>(topic, outcome.key(), outcome.value()), acknowledged);
      } else {
        deadLetter(outcome, source);
      }
    }
  }

  private void deadLetter(Outcome outcome, String source) {
    metrics.deadLettered(outcome.reason());
    if (deadLetters == null) {
      LOG.warn(
          "refused a record from {}: {} ({})", source, outcome.reason().label(), outcome.message());
      return;
    }
    producer.send(
        deadLetters.record(
            outcome.reason(), outcome.message(), source, outcome.value(), clock.instant()),
        (metadata, error) -> {
          if (error != null) {
            metrics.error("send");
            LOG.warn("a dead letter was not sent to {}: {}", deadLetters.topic(), error.toString());
          }
        });
  }

  /** Blocks until every record sent so far is acknowledged or failed. */
  void flush() {
    producer.flush();
  }
}
