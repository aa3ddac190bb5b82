package io.streampipe.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streampipe.api.PipelineDocument;
import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.job.plan.JobSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records that once stopped the stream: a 600 KB invalid record whose dead letter is bigger than a
 * default topic takes, and malformed UTF-8. Both are dead-lettered and later records keep flowing.
 */
class PoisonPillIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path checkpoints;

  @Test
  void anOversizedAndAnInvalidUtf8RecordAreDeadLetteredAndTheStreamGoesOn() throws Exception {
    PipelineDocument document = ItStack.pipeline("poison");
    String topic = document.spec().getSource().getTopic().getName();
    // Every quote doubles in the dead letter's JSON: 1.2 MB, over Kafka's default 1 MB.
    byte[] pill = ("{\"id\":\"" + "\"".repeat(600_000)).getBytes(StandardCharsets.UTF_8);
    byte[] overlong = Events.valid(UUID.randomUUID(), "Ad@").getBytes(StandardCharsets.UTF_8);
    overlong[indexOf(overlong, (byte) '@')] = (byte) 0xC0;
    overlong[indexOf(overlong, (byte) '@') + 1] = (byte) 0x80;
    List<byte[]> values = new ArrayList<>();
    values.add(Events.valid(UUID.randomUUID(), "Before").getBytes(StandardCharsets.UTF_8));
    values.add(pill);
    values.add(overlong);
    for (int i = 0; i < 20; i++) {
      values.add(Events.valid(UUID.randomUUID(), "After" + i).getBytes(StandardCharsets.UTF_8));
    }
    // One partition, so the records after the pill wait on it.
    ItStack.produceInOrder(topic, values);

    Path checkpoint = Files.createDirectories(checkpoints.resolve("poison"));
    JobSettings settings =
        JobSettings.resolve(ValidPipeline.of(document), Map.of())
            .withCheckpointLocation(checkpoint.toString())
            .withMetricsPort(-1);
    try (RunningPipeline pipeline =
        PipelineJob.start(ItStack.spark(), ValidPipeline.of(document), settings)) {
      ItStack.await(
          Duration.ofSeconds(90), "every record read", () -> pipeline.totals().read() >= 23);
      assertThat(pipeline.totals().written()).isEqualTo(21);
      assertThat(pipeline.totals().deadLettered()).isEqualTo(2);
    }
    assertThat(ItStack.countRows(document)).isEqualTo(21);

    List<ConsumerRecord<byte[], byte[]>> letters =
        ItStack.readAll(topic + ".dlq", 2, Duration.ofSeconds(30));
    assertThat(letters).hasSize(2);
    for (ConsumerRecord<byte[], byte[]> letter : letters) {
      JsonNode json = JSON.readTree(letter.value());
      assertThat(json.get("rule").asText()).isEqualTo("malformed_json");
      if (json.get("payloadTruncated").asBoolean()) {
        assertThat(json.get("payloadSize").asInt()).isEqualTo(pill.length);
        assertThat(json.get("payloadSha256").asText()).hasSize(64);
      } else {
        assertThat(json.get("payloadEncoding").asText()).isEqualTo("base64");
        assertThat(Base64.getDecoder().decode(json.get("payload").asText())).isEqualTo(overlong);
      }
    }
  }

  private static int indexOf(byte[] bytes, byte wanted) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    throw new IllegalArgumentException("absent");
  }
}
