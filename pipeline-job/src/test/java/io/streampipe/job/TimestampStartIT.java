package io.streampipe.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.api.PipelineDocument;
import io.streampipe.api.cql.CqlStatements;
import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.job.plan.JobSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** source.startingOffsets as a time: a fresh checkpoint reads exactly the records from then on. */
class TimestampStartIT {
  @TempDir Path checkpoints;

  @Test
  void aFreshCheckpointReadsExactlyTheRecordsFromThatTime() throws Exception {
    PipelineDocument document = ItStack.pipeline("since");
    String topic = document.spec().getSource().getTopic().getName();
    Instant from = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    List<ProducerRecord<String, String>> records = new ArrayList<>();
    Set<UUID> expected = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      UUID id = UUID.randomUUID();
      // 40 a second or more before the time, then 60 from the time itself on.
      Instant at = i < 40 ? from.minusSeconds(41 - i) : from.plusSeconds(i - 40);
      if (i >= 40) {
        expected.add(id);
      }
      records.add(
          new ProducerRecord<>(
              "ignored", null, at.toEpochMilli(), id.toString(), Events.valid(id, "U" + i)));
    }
    ItStack.produce(topic, records);
    document.spec().getSource().setStartingOffsets(from.toString());

    try (RunningPipeline pipeline =
        PipelineJob.start(ItStack.spark(), ValidPipeline.of(document), settings(document))) {
      ItStack.await(
          Duration.ofSeconds(90), "60 records read", () -> pipeline.totals().read() >= 60);
      // One more trigger's worth, so a record read too many would be counted.
      Thread.sleep(3_000);
      assertThat(pipeline.totals().read()).isEqualTo(60);
    }
    assertThat(ids(document)).isEqualTo(expected);
  }

  private static Set<UUID> ids(PipelineDocument document) {
    var sink = document.spec().getSink().getCassandra();
    Set<UUID> ids = new HashSet<>();
    ItStack.cql()
        .execute(
            "SELECT id FROM "
                + CqlStatements.qualified(sink.getKeyspace().getName(), sink.getTable()))
        .forEach(row -> ids.add(row.getUuid(0)));
    return ids;
  }

  private JobSettings settings(PipelineDocument document) throws Exception {
    Path checkpoint = Files.createDirectories(checkpoints.resolve(document.name()));
    return JobSettings.resolve(ValidPipeline.of(document), Map.of())
        .withCheckpointLocation(checkpoint.toString())
        .withMetricsPort(0);
  }
}
