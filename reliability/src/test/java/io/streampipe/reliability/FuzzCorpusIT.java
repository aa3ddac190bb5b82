package io.streampipe.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.job.Events;
import io.streampipe.job.ItStack;
import io.streampipe.job.plan.JobPlan;
import io.streampipe.job.validate.RecordValidator;
import io.streampipe.job.validate.Validated;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 6: a seeded corpus of malformed events among valid ones, a 2 MiB record included. The
 * job neither crashes nor stalls; valid + dead-lettered == read; each damaged event is refused (the
 * BOM alone is allowed: RFC 8259 lets a parser skip it); rows are exactly the valid ids.
 */
class FuzzCorpusIT {
  private static final int SIZE = Integer.getInteger("reliability.corpus", 1_300);
  private static final long SEED = Long.getLong("reliability.seed", System.nanoTime());

  @TempDir Path dir;

  @Test
  void aMalformedCorpusIsAccountedForRecordByRecord() throws Exception {
    System.out.println("FuzzCorpusIT seed " + SEED + ", corpus " + SIZE);
    Random random = new Random(SEED);
    Stage stage = new Stage("fuzz", dir);
    allowLargeRecords(stage.topic);
    List<Fuzzer.Event> corpus = new ArrayList<>(Fuzzer.corpus(SIZE, random));
    corpus.add(Fuzzer.huge(random));
    for (int i = 0; i < 200; i++) {
      UUID id = new UUID(random.nextLong(), random.nextLong());
      corpus.add(
          new Fuzzer.Event(
              "valid", id, Events.valid(id, "V" + i).getBytes(StandardCharsets.UTF_8)));
    }
    RecordValidator oracle = JobPlan.of(ValidPipeline.of(stage.document)).validator();
    Map<UUID, String> expected = new HashMap<>();
    Map<String, Long> acceptedByKind = new TreeMap<>();
    for (Fuzzer.Event event : corpus) {
      if (oracle.validate(event.value()) instanceof Validated.Valid valid) {
        expected.put(event.id(), (String) valid.values()[1]);
        acceptedByKind.merge(event.kind(), 1L, Long::sum);
      }
    }
    assertThat(acceptedByKind.keySet())
        .as("kinds of damage let through")
        .isEqualTo(Set.of("valid", "BOM"));
    long refused = corpus.size() - expected.size();
    produce(stage.topic, corpus);

    Process job = stage.startJob();
    try {
      stage.awaitRead(corpus.size(), Duration.ofMinutes(3));
      Map<UUID, String> rows = stage.awaitRows(expected, Duration.ofMinutes(1));
      JobLogs.Totals totals = stage.totals();
      Map<String, Integer> letters = stage.deadLetters(refused);
      Figures.add(
          "6. fuzzed corpus, seed "
              + SEED
              + " ("
              + corpus.size()
              + " events, "
              + SIZE
              + " damaged"
              + " in "
              + corpus.stream().map(Fuzzer.Event::kind).collect(Collectors.toSet()).size()
              + " kinds)",
          corpus.size(),
          expected.size(),
          rows.size(),
          Stage.missingOrStale(expected, rows),
          Stage.extra(expected, rows),
          refused,
          letters.size(),
          letters.values().stream().mapToLong(n -> n - 1).sum(),
          "no restart needed");

      assertThat(job.isAlive()).as("the job still runs").isTrue();
      assertThat(totals.read()).isEqualTo(corpus.size());
      assertThat(totals.valid() + totals.deadLettered()).isEqualTo(totals.read());
      assertThat(totals.deadLettered()).isEqualTo(refused);
      assertThat(rows).isEqualTo(expected);
      assertThat(letters).hasSize((int) refused);
    } finally {
      Stage.stop(job);
    }
    stage.assertNoSecretInOutput();
  }

  private static void allowLargeRecords(String topic) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, ItStack.bootstrap()))) {
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      AlterConfigOp op =
          new AlterConfigOp(
              new ConfigEntry("max.message.bytes", "4194304"), AlterConfigOp.OpType.SET);
      admin.incrementalAlterConfigs(Map.of(resource, List.of(op))).all().get();
    }
  }

  private static void produce(String topic, List<Fuzzer.Event> events) {
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ItStack.bootstrap(),
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                4 << 20),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      for (Fuzzer.Event event : events) {
        producer.send(
            new ProducerRecord<>(
                topic, event.id().toString().getBytes(StandardCharsets.UTF_8), event.value()));
      }
      producer.flush();
    }
  }
}
