package io.streampipe.api.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DeadLetterPayloadTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void aPayloadThatFitsIsKeptWholeAsText() throws Exception {
    byte[] payload = "{\"name\":\"Zoë\"}".getBytes(StandardCharsets.UTF_8);
    JsonNode letter =
        MAPPER.readTree(
            DeadLetterPayload.fitted(kept -> letter(payload, kept), payload.length, 1000));

    assertThat(letter.get("payload").asText()).isEqualTo("{\"name\":\"Zoë\"}");
    assertThat(letter.get("payloadEncoding").asText()).isEqualTo(DeadLetterPayload.UTF8);
    assertThat(letter.get("payloadTruncated").asBoolean()).isFalse();
    assertThat(letter.has("payloadSha256")).isFalse();
  }

  @Test
  void escapesCountTowardsTheLimitAndTheCutKeepsWholeCharacters() throws Exception {
    // Each quote doubles when escaped, each euro sign is three bytes: the cut must still fit.
    byte[] payload = "\"€".repeat(10_000).getBytes(StandardCharsets.UTF_8);
    String message = DeadLetterPayload.fitted(kept -> letter(payload, kept), payload.length, 5_000);
    JsonNode letter = MAPPER.readTree(message);

    assertThat(message.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(5_000);
    assertThat(letter.get("payloadTruncated").asBoolean()).isTrue();
    assertThat(letter.get("payloadSize").asInt()).isEqualTo(payload.length);
    String kept = letter.get("payload").asText();
    assertThat(new String(payload, StandardCharsets.UTF_8)).startsWith(kept);
    assertThat(kept).isNotEmpty().doesNotContain("\uFFFD");
  }

  @Test
  void malformedUtf8RoundTripsThroughBase64() throws Exception {
    byte[] payload = {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, 'x'};
    JsonNode letter =
        MAPPER.readTree(
            DeadLetterPayload.fitted(kept -> letter(payload, kept), payload.length, 1000));

    assertThat(letter.get("payloadEncoding").asText()).isEqualTo(DeadLetterPayload.BASE64);
    assertThat(DeadLetterPayload.decode(letter.get("payload").asText(), DeadLetterPayload.BASE64))
        .isEqualTo(payload);
    assertThat(DeadLetterPayload.decode("Zoë", DeadLetterPayload.UTF8))
        .isEqualTo("Zoë".getBytes(StandardCharsets.UTF_8));
  }

  private static String letter(byte[] payload, int kept) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("rule", "malformed_json");
      DeadLetterPayload.write(json, payload, kept);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
