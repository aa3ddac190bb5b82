package io.streampipe.cli.redrive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streampipe.api.deadletter.DeadLetterPayload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A dead-letter record as the job writes it: the original key (the letter's key), the original
 * payload byte for byte (decoded by its {@code payloadEncoding}), whether it was cut to fit the
 * dead-letter topic, where it came from and every rule it broke.
 */
public record DeadLetter(
    byte[] key,
    byte[] payload,
    boolean truncated,
    String topic,
    int partition,
    long offset,
    Set<String> rules,
    Instant deadLetteredAt) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The letter of a dead-letter record; empty when it is not one the job wrote. */
  public static Optional<DeadLetter> parse(byte[] key, byte[] value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      JsonNode message = JSON.readTree(new String(value, StandardCharsets.UTF_8));
      if (!message.path("payload").isTextual() || !message.path("offset").canConvertToLong()) {
        return Optional.empty();
      }
      Set<String> rules = new LinkedHashSet<>();
      rules.add(message.path("rule").asText());
      message.path("failures").forEach(f -> rules.add(f.path("rule").asText()));
      return Optional.of(
          new DeadLetter(
              key,
              DeadLetterPayload.decode(
                  message.get("payload").asText(), message.path("payloadEncoding").asText()),
              message.path("payloadTruncated").asBoolean(false),
              message.path("topic").asText(),
              message.path("partition").asInt(),
              message.path("offset").asLong(),
              rules,
              Instant.parse(message.path("deadLetteredAt").asText())));
    } catch (IOException | DateTimeParseException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The source record's identity, the key of the re-drive ledger. */
  public String source() {
    return topic + "/" + partition + "/" + offset;
  }
}
