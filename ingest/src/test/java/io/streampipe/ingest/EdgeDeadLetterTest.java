package io.streampipe.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streampipe.api.deadletter.DeadLetterPayload;
import io.streampipe.api.deadletter.DeadLetterTopicLimit;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class EdgeDeadLetterTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int LIMIT =
      DeadLetterTopicLimit.valueLimit(DeadLetterTopicLimit.KAFKA_MAX_MESSAGE_BYTES, null);
  private static final EdgeDeadLetter LETTERS = new EdgeDeadLetter("users", "users.dlq", LIMIT);
  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

  @Test
  void aRecordTooLargeForItsTopicIsCutToFitWithItsSizeAndHash() throws Exception {
    byte[] body = new byte[2 * 1024 * 1024];
    Arrays.fill(body, (byte) '"');
    ProducerRecord<byte[], byte[]> record =
        LETTERS.record(EdgeReason.TOO_LARGE, "too large", "http://api/users", body, NOW);

    assertThat(record.topic()).isEqualTo("users.dlq");
    assertThat(record.value().length).isLessThanOrEqualTo(LIMIT);
    JsonNode letter = MAPPER.readTree(record.value());
    assertThat(letter.get("rule").asText()).isEqualTo("ingest_too_large");
    assertThat(letter.get("payloadTruncated").asBoolean()).isTrue();
    assertThat(letter.get("payloadSize").asInt()).isEqualTo(body.length);
    assertThat(letter.get("payloadSha256").asText()).hasSize(64);
  }

  @Test
  void aBodyThatIsNotUtf8IsKeptByteExact() throws Exception {
    byte[] body = {'{', (byte) 0xC0, (byte) 0x80, (byte) 0xED, (byte) 0xA0, (byte) 0x80, '}'};
    ProducerRecord<byte[], byte[]> record =
        LETTERS.record(EdgeReason.NOT_JSON, "not JSON", "http://api/users", body, NOW);

    JsonNode letter = MAPPER.readTree(new String(record.value(), StandardCharsets.UTF_8));
    assertThat(letter.get("payloadEncoding").asText()).isEqualTo(DeadLetterPayload.BASE64);
    assertThat(letter.get("payloadTruncated").asBoolean()).isFalse();
    assertThat(
            DeadLetterPayload.decode(
                letter.get("payload").asText(), letter.get("payloadEncoding").asText()))
        .isEqualTo(body);
  }
}
