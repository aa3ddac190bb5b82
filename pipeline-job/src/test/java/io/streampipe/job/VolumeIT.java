package io.streampipe.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.cql.Row;
import io.streampipe.api.PipelineDocument;
import io.streampipe.api.cql.CqlStatements;
import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.job.metrics.PipelineTotals;
import io.streampipe.job.plan.JobSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tens of thousands of events over several micro-batches: every one accounted for, exactly, and
 * repeats of a key resolved to the latest event even across partitions and batches. Correctness
 * only; speed is measured by {@code streampipe bench}, not asserted here.
 */
class VolumeIT {
  private static final int UNIQUE = 20_000;
  private static final int REPEATS = 1_000;
  private static final int CROSS = 50;
  private static final int BAD_ROUNDS = 40;
  @TempDir Path dir;

  @Test
  void everyEventIsAccountedForAndRepeatsResolveToTheLatestEvent() throws Exception {
    PipelineDocument document = ItStack.pipeline("volume");
    // Several batches, so repeats also fall into later batches than their first event.
    document.spec().getSource().setMaxOffsetsPerTrigger(6_000L);
    Map<UUID, String> expected = new HashMap<>();
    List<ProducerRecord<String, String>> records = new ArrayList<>();
    for (int i = 0; i < UNIQUE; i++) {
      UUID id = UUID.randomUUID();
      expected.put(id, "First" + i);
      records.add(Events.record(id, "First" + i));
    }
    List<UUID> ids = List.copyOf(expected.keySet());
    for (int i = 0; i < REPEATS; i++) {
      UUID id = ids.get(i * (UNIQUE / REPEATS));
      expected.put(id, "Latest" + i);
      records.add(Events.record(id, "Latest" + i));
    }
    records.addAll(acrossPartitions(expected));
    List<Events.Bad> bad = new ArrayList<>();
    for (int round = 0; round < BAD_ROUNDS; round++) {
      bad.addAll(Events.everyKindOfBad());
    }
    bad.forEach(b -> records.add(b.record()));
    ItStack.produce(topic(document), records);

    PipelineTotals totals = drain(document, records.size());

    long valid = records.size() - bad.size();
    assertThat(totals.read()).isEqualTo(records.size());
    assertThat(totals.deadLettered()).isEqualTo(bad.size());
    assertThat(totals.written() + totals.deduplicated()).isEqualTo(valid);
    assertThat(totals.written()).isGreaterThanOrEqualTo(expected.size());
    Map<UUID, String> rows = firstNames(document);
    assertThat(rows).hasSameSizeAs(expected);
    Map<UUID, String> wrong = new HashMap<>(expected);
    wrong.entrySet().removeIf(e -> e.getValue().equals(rows.get(e.getKey())));
    assertThat(wrong).as("rows without their latest event").isEmpty();
    assertThat(ItStack.readAll(topic(document) + ".dlq", bad.size(), Duration.ofSeconds(60)))
        .hasSize(bad.size());
  }

  @Test
  void dedupKeysOtherThanThePrimaryKeyCollapseRepeatsThroughTheShuffle() throws Exception {
    PipelineDocument document = ItStack.pipeline("shuffled");
    document.spec().setQuality(new io.streampipe.api.v1alpha1.QualitySpec());
    document.spec().getQuality().setDedupKeys(List.of("id", "email"));
    List<ProducerRecord<String, String>> records = new ArrayList<>();
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      ids.add(UUID.randomUUID());
      records.add(Events.record(ids.get(i), "Person" + i));
    }
    for (int i = 0; i < 30; i++) {
      records.add(Events.record(ids.get(i * 10), "Person" + i * 10));
    }
    ItStack.produce(topic(document), records);

    PipelineTotals totals = drain(document, records.size());

    assertThat(totals.written()).isEqualTo(300);
    assertThat(totals.deduplicated()).isEqualTo(30);
    assertThat(ItStack.countRows(document)).isEqualTo(300);
  }

  /**
   * Pairs of one key in two partitions: the newer event (by record time) is sent first, to the
   * other partition, so neither offsets nor arrival order can pick it, only the write time. Both
   * are stamped ahead of the events sent before them, as a write time never goes backwards within a
   * partition's slice.
   */
  private static List<ProducerRecord<String, String>> acrossPartitions(Map<UUID, String> expected) {
    List<ProducerRecord<String, String>> records = new ArrayList<>();
    long now = System.currentTimeMillis() + 30_000;
    for (int i = 0; i < CROSS; i++) {
      UUID id = UUID.randomUUID();
      String key = id.toString();
      records.add(
          new ProducerRecord<>("ignored", 0, now + 10_000, key, Events.valid(id, "Newer" + i)));
      records.add(new ProducerRecord<>("ignored", 1, now, key, Events.valid(id, "Older" + i)));
      expected.put(id, "Newer" + i);
    }
    return records;
  }

  private PipelineTotals drain(PipelineDocument document, int count) throws Exception {
    JobSettings settings =
        JobSettings.resolve(ValidPipeline.of(document), Map.of())
            .withCheckpointLocation(dir.resolve(document.name()).toString())
            .withMetricsPort(-1);
    try (RunningPipeline pipeline =
        PipelineJob.start(ItStack.spark(), ValidPipeline.of(document), settings)) {
      ItStack.await(
          Duration.ofSeconds(180), "every record read", () -> pipeline.totals().read() >= count);
      return pipeline.totals();
    }
  }

  private static Map<UUID, String> firstNames(PipelineDocument document) {
    var sink = document.spec().getSink().getCassandra();
    String table = CqlStatements.qualified(sink.getKeyspace().getName(), sink.getTable());
    Map<UUID, String> names = new HashMap<>();
    for (Row row : ItStack.cql().execute("SELECT id, first_name FROM " + table)) {
      names.put(row.getUuid(0), row.getString(1));
    }
    return names;
  }

  private static String topic(PipelineDocument document) {
    return document.spec().getSource().getTopic().getName();
  }
}
