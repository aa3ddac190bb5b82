package io.streampipe.job.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streampipe.job.validate.Failure;
import io.streampipe.job.validate.Rule;
import io.streampipe.job.validate.Validated.Rejection;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadLetterMessageTest {
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
            Instant.parse("2024-01-01T00:00:00Z"));

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
  }

  @Test
  void aRecordWithoutValueHasANullPayloadAndNoField() throws Exception {
    String message =
        DeadLetterMessage.render(
            "p",
            Rejection.of(Rule.MALFORMED_JSON, null, "no value"),
            new RecordOrigin("t", 0, 0, 0),
            null,
            Instant.EPOCH);

    JsonNode json = new ObjectMapper().readTree(message);
    assertThat(json.get("payload").isNull()).isTrue();
    assertThat(json.get("field").isNull()).isTrue();
    assertThat(json.get("rule").asText()).isEqualTo("malformed_json");
  }
}
