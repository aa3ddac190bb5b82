package io.streampipe.cli.redrive;

import io.streampipe.cli.UserException;
import io.streampipe.provisioning.KafkaTopicProvisioner;
import io.streampipe.provisioning.TopicDefinition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Re-publishes selected dead letters' payloads to the input topic, once per source record: what was
 * re-driven is remembered in a compacted ledger topic keyed by the source topic, partition and
 * offset, so a second run over the same letters re-publishes nothing.
 */
public final class Redrive {
  public static final String LEDGER_SUFFIX = ".redriven";

  /** The topics a re-drive reads and writes. */
  public record Topics(String deadLetter, String input, int replicas) {
    String ledger() {
      return deadLetter + LEDGER_SUFFIX;
    }
  }

  /**
   * @param skipped selected letters not re-published: already re-driven, or a repeat of one
   * @param truncated selected letters whose payload was cut to fit the dead-letter topic: not
   *     re-published (the whole record is at its source topic, partition and offset)
   * @param unreadable records of the dead-letter topic that are no letter the job wrote
   */
  public record Result(
      int read, int selected, int republished, int skipped, int truncated, int unreadable) {}

  private Redrive() {}

  public static Result run(String bootstrap, Topics topics, Selection selection, boolean dryRun) {
    Set<String> done = ledger(bootstrap, topics, dryRun);
    List<DeadLetter> chosen = new ArrayList<>();
    Tally tally = new Tally();
    boolean whole =
        TopicReader.readAll(
            bootstrap,
            topics.deadLetter(),
            record -> {
              tally.read++;
              var letter = DeadLetter.parse(record.key(), record.value());
              if (letter.isEmpty()) {
                tally.unreadable++;
              } else if (selection.test(letter.get())) {
                tally.selected++;
                if (letter.get().truncated()) {
                  tally.truncated++;
                } else if (done.add(letter.get().source())) {
                  chosen.add(letter.get());
                } else {
                  tally.skipped++;
                }
              }
            });
    if (!whole) {
      throw new UserException("the dead-letter topic was not read to its end within a minute");
    }
    if (!dryRun && !chosen.isEmpty()) {
      publish(bootstrap, topics, chosen);
    }
    return new Result(
        tally.read,
        tally.selected,
        dryRun ? 0 : chosen.size(),
        tally.skipped,
        tally.truncated,
        tally.unreadable);
  }

  private static final class Tally {
    int read;
    int selected;
    int skipped;
    int truncated;
    int unreadable;
  }

  /** The sources re-driven before; the ledger topic is created on a real run's first use. */
  private static Set<String> ledger(String bootstrap, Topics topics, boolean dryRun) {
    Set<String> done = new HashSet<>();
    try (KafkaTopicProvisioner admin = KafkaTopicProvisioner.connect(bootstrap)) {
      if (admin.describe(topics.deadLetter()).isEmpty()) {
        throw new UserException("no dead-letter topic " + topics.deadLetter() + " on " + bootstrap);
      }
      if (admin.describe(topics.ledger()).isPresent()) {
        if (!TopicReader.readAll(
            bootstrap,
            topics.ledger(),
            r -> done.add(new String(r.key(), StandardCharsets.UTF_8)))) {
          throw new UserException("the re-drive ledger was not read to its end within a minute");
        }
      } else if (!dryRun) {
        admin.ensure(
            new TopicDefinition(
                topics.ledger(), 1, topics.replicas(), Map.of("cleanup.policy", "compact")));
      }
    }
    return done;
  }

  /**
   * The payloads first, then the ledger: a run stopped in between re-publishes those letters again
   * next time, which the table's upserts absorb; the other order could lose them.
   */
  private static void publish(String bootstrap, Topics topics, List<DeadLetter> letters) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      for (DeadLetter letter : letters) {
        sent.add(
            producer.send(new ProducerRecord<>(topics.input(), letter.key(), letter.payload())));
      }
      acknowledged(sent);
      for (DeadLetter letter : letters) {
        sent.add(
            producer.send(
                new ProducerRecord<>(
                    topics.ledger(),
                    letter.source().getBytes(StandardCharsets.UTF_8),
                    letter.deadLetteredAt().toString().getBytes(StandardCharsets.UTF_8))));
      }
      acknowledged(sent);
    }
  }

  private static void acknowledged(List<Future<RecordMetadata>> sent) {
    try {
      for (Future<RecordMetadata> send : sent) {
        send.get();
      }
    } catch (ExecutionException e) {
      throw new UserException("a re-drive send failed: " + e.getCause().getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserException("interrupted while re-driving");
    }
  }
}
