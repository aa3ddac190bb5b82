package io.streampipe.job.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streampipe.api.deadletter.DeadLetterTopicLimit;
import io.streampipe.job.validate.Failure;
import io.streampipe.job.validate.Rule;
import io.streampipe.job.validate.Validated.Rejection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadLetterMessageTest {
  private static final int LIMIT = DeadLetterTopicLimit.KAFKA_MAX_MESSAGE_BYTES;

  @Test
  void carriesFailuresOriginTimeAndPayload() throws Exception {
    Rejection rejection =
        new Rejection(
            List.of(
                new Failure(Rule.PATTERN, "email", "'x' does not match .+@.+"),
                new Failure(Rule.REQUIRED, "id", "is required")));
    byte[] payload = "{\"email\":\"x\",\"quote\":\"\\\"\"}".getBytes(StandardCharsets.UTF_8);

    String message =
        DeadLetterMessage.render(
            "users",
            rejection,
            new RecordOrigin("users_created", 2, 41, 1_700_000_000_000L),
            payload,
            Instant.parse("2024-01-01T00:00:00Z"),
            LIMIT);

    JsonNode json = new ObjectMapper().readTree(message);
    assertThat(json.get("rule").asText()).isEqualTo("pattern");
    assertThat(json.get("field").asText()).isEqualTo("email");
    assertThat(json.get("message").asText()).contains("does not match");
    assertThat(json.get("failures")).hasSize(2);
    assertThat(json.get("failures").get(1).get("rule").asText()).isEqualTo("required");
    assertThat(json.get("pipeline").asText()).isEqualTo("users");
    assertThat(json.get("topic").asText()).isEqualTo("users_created");
    assertThat(json.get("partition").asInt()).isEqualTo(2);
    assertThat(json.get("offset").asLong()).isEqualTo(41);
    assertThat(json.get("timestamp").asText()).isEqualTo("2023-11-14T22:13:20Z");
    assertThat(json.get("deadLetteredAt").asText()).isEqualTo("2024-01-01T00:00:00Z");
    assertThat(json.get("payload").asText()).isEqualTo(new String(payload, StandardCharsets.UTF_8));
    assertThat(json.get("payloadEncoding").asText()).isEqualTo("utf8");
    assertThat(json.get("payloadSize").asInt()).isEqualTo(payload.length);
    assertThat(json.get("payloadTruncated").asBoolean()).isFalse();
    assertThat(json.has("payloadSha256")).isFalse();
  }

  @Test
  void aRecordWithoutValueHasANullPayloadAndNoField() throws Exception {
    String message =
        DeadLetterMessage.render(
            "p",
            Rejection.of(Rule.MALFORMED_JSON, null, "no value"),
            new RecordOrigin("t", 0, 0, 0),
            null,
            Instant.EPOCH,
            LIMIT);

    JsonNode json = new ObjectMapper().readTree(message);
    assertThat(json.get("payload").isNull()).isTrue();
    assertThat(json.get("field").isNull()).isTrue();
    assertThat(json.get("rule").asText()).isEqualTo("malformed_json");
  }

  @Test
  void carriesMalformedUtf8ByteExactInBase64() throws Exception {
    byte[] payload = {
      '{', '"', 'n', '"', ':', '"', (byte) 0xC0, (byte) 0x80, (byte) 0xED, '"', '}'
    };

    JsonNode json = render(payload, LIMIT);

    assertThat(json.get("payloadEncoding").asText()).isEqualTo("base64");
    assertThat(Base64.getDecoder().decode(json.get("payload").asText())).isEqualTo(payload);
    assertThat(json.get("payloadTruncated").asBoolean()).isFalse();
  }

  @Test
  void cutsAPayloadThatWouldNotFitAndNamesItsSizeAndHash() throws Exception {
    // Every quote doubles in the JSON string: the whole message would be twice the payload.
    byte[] payload = "\"".repeat(600_000).getBytes(StandardCharsets.UTF_8);

    String message = message(payload, LIMIT);
    JsonNode json = new ObjectMapper().readTree(message);

    assertThat(message.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(LIMIT);
    assertThat(json.get("payloadTruncated").asBoolean()).isTrue();
    assertThat(json.get("payloadSize").asInt()).isEqualTo(600_000);
    assertThat(json.get("payloadSha256").asText())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload)));
    String kept = json.get("payload").asText();
    assertThat(kept.length()).isGreaterThan(LIMIT / 4);
    assertThat(payload).startsWith(kept.getBytes(StandardCharsets.UTF_8));
    assertThat(json.get("offset").asLong()).isEqualTo(41);
  }

  @Test
  void cutsTextBetweenCharactersAndBinaryAnywhere() throws Exception {
    byte[] text = "€".repeat(3_000).getBytes(StandardCharsets.UTF_8);
    JsonNode cutText = render(text, 4_000);
    assertThat(cutText.get("payload").asText()).matches("€+");

    byte[] binary = new byte[9_000];
    Arrays.fill(binary, (byte) 0xFF);
    JsonNode cutBinary = render(binary, 4_000);
    assertThat(cutBinary.get("payloadEncoding").asText()).isEqualTo("base64");
    assertThat(Base64.getDecoder().decode(cutBinary.get("payload").asText()))
        .containsOnly((byte) 0xFF);
    assertThat(cutBinary.get("payloadTruncated").asBoolean()).isTrue();
  }

  private static JsonNode render(byte[] payload, int limit) throws Exception {
    return new ObjectMapper().readTree(message(payload, limit));
  }

  private static String message(byte[] payload, int limit) {
    return DeadLetterMessage.render(
        "p",
        Rejection.of(Rule.MALFORMED_JSON, null, "not valid JSON"),
        new RecordOrigin("t", 0, 41, 0),
        payload,
        Instant.EPOCH,
        limit);
  }
}
