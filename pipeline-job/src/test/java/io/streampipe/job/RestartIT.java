package io.streampipe.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streampipe.api.PipelineDocument;
import io.streampipe.api.PipelineDocuments;
import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.job.plan.JobSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restarted job resumes from its checkpoint: nothing lost, no row twice. The dead-letter topic is
 * at-least-once (a batch replayed after a kill sends its refused records again), so it is checked
 * by distinct source offsets.
 */
class RestartIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void aGracefulStopMidStreamThenARestartLosesAndDuplicatesNothing() throws Exception {
    PipelineDocument document = slow(ItStack.pipeline("graceful"));
    String topic = document.spec().getSource().getTopic().getName();
    Set<UUID> ids = new HashSet<>();
    List<ProducerRecord<String, String>> before = batch(ids, 2_000, 20);
    ItStack.produce(topic, before);
    JobSettings settings =
        JobSettings.resolve(ValidPipeline.of(document), java.util.Map.of())
            .withCheckpointLocation(dir.resolve("cp").toString())
            .withMetricsPort(-1);

    RunningPipeline first =
        PipelineJob.start(ItStack.spark(), ValidPipeline.of(document), settings);
    ItStack.await(Duration.ofSeconds(60), "a first batch", () -> first.totals().batches() >= 1);
    first.stop();
    long readBefore = first.totals().read();
    assertThat(readBefore).isPositive().isLessThan(before.size());
    assertThat(ItStack.countRows(document))
        .isPositive()
        .isLessThanOrEqualTo(first.totals().written());

    List<ProducerRecord<String, String>> after = batch(ids, 100, 5);
    ItStack.produce(topic, after);
    int produced = before.size() + after.size();
    try (RunningPipeline second =
        PipelineJob.start(ItStack.spark(), ValidPipeline.of(document), settings)) {
      ItStack.await(
          Duration.ofSeconds(180),
          "the rest read",
          () -> readBefore + second.totals().read() >= produced);
      // Equal unless the stop raced a trigger that had just begun: then that batch runs again.
      assertThat(readBefore + second.totals().read()).isGreaterThanOrEqualTo(produced);
    }
    assertThat(ItStack.countRows(document)).isEqualTo(ids.size());
    assertThat(distinctDeadLetters(topic, 25)).isEqualTo(25);
  }

  @Test
  void aKilledJobProcessRestartsOnItsCheckpointThenStopsOnSigterm() throws Exception {
    PipelineDocument document = slow(ItStack.pipeline("killed"));
    String topic = document.spec().getSource().getTopic().getName();
    Set<UUID> ids = new HashSet<>();
    ItStack.produce(topic, batch(ids, 1500, 30));
    Path spec = Files.writeString(dir.resolve("pipeline.yaml"), PipelineDocuments.write(document));
    Path checkpoint = dir.resolve("checkpoint");

    Process first = JobProcess.launch(spec, checkpoint, dir.resolve("first.log"));
    // Past a few committed batches, so the restart has a checkpoint to resume from.
    ItStack.await(Duration.ofSeconds(120), "some rows", () -> ItStack.countRows(document) > 400);
    first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    assertThat(ItStack.countRows(document)).isLessThan(ids.size());

    Process second = JobProcess.launch(spec, checkpoint, dir.resolve("second.log"));
    try {
      ItStack.await(
          Duration.ofSeconds(120), "every row", () -> ItStack.countRows(document) == ids.size());
      assertThat(distinctDeadLetters(topic, 30)).isEqualTo(30);
      second.destroy();
      assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
      assertThat(Files.readString(dir.resolve("second.log")))
          .doesNotContain(" batch=0 ")
          .contains("shutting down: stopping pipeline killed")
          .contains("pipeline=killed stopped; totals");
    } finally {
      second.destroyForcibly();
    }
    assertThat(ItStack.countRows(document)).isEqualTo(ids.size());
  }

  /** Small batches, so a stop or kill lands mid-stream. */
  private static PipelineDocument slow(PipelineDocument document) {
    document.spec().getSource().setMaxOffsetsPerTrigger(100L);
    document.spec().getMonitoring().getPrometheus().setEnabled(false);
    return document;
  }

  /** Valid events with fresh ids (remembered), a few repeats, and some bad records. */
  private static List<ProducerRecord<String, String>> batch(Set<UUID> ids, int valid, int bad) {
    List<ProducerRecord<String, String>> records = new ArrayList<>();
    for (int i = 0; i < valid; i++) {
      UUID id = UUID.randomUUID();
      ids.add(id);
      records.add(Events.record(id, "N" + i));
      if (i % 50 == 0) {
        records.add(Events.record(id, "Again" + i));
      }
    }
    for (int i = 0; i < bad; i++) {
      records.add(new ProducerRecord<>("ignored", "bad" + i, "{\"broken\": " + i));
    }
    return records;
  }

  private static long distinctDeadLetters(String topic, int expected) throws Exception {
    List<ConsumerRecord<byte[], byte[]>> letters =
        ItStack.readAll(topic + ".dlq", expected, Duration.ofSeconds(30));
    Set<String> origins = new HashSet<>();
    for (ConsumerRecord<byte[], byte[]> letter : letters) {
      JsonNode json = JSON.readTree(letter.value());
      origins.add(json.get("partition").asInt() + ":" + json.get("offset").asLong());
    }
    return origins.size();
  }
}
