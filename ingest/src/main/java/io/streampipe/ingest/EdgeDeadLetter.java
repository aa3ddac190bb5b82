package io.streampipe.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The value of an edge dead letter, in the job's shape (rule, field, message, failures, pipeline,
 * deadLetteredAt, payload as text) so one consumer reads both; {@code reason} repeats the rule and
 * {@code source} names the URL the body came from, where the job writes topic and offset.
 */
final class EdgeDeadLetter {
  private static final JsonFactory JSON = new JsonFactory();

  private EdgeDeadLetter() {}

  static byte[] render(
      String pipeline,
      EdgeReason reason,
      String message,
      String source,
      byte[] payload,
      Instant now) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 + payload.length);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      failure(json, reason, message);
      json.writeArrayFieldStart("failures");
      json.writeStartObject();
      failure(json, reason, message);
      json.writeEndObject();
      json.writeEndArray();
      json.writeStringField("reason", reason.label());
      json.writeStringField("pipeline", pipeline);
      json.writeStringField("source", source);
      json.writeStringField("deadLetteredAt", now.toString());
      json.writeStringField("payload", new String(payload, StandardCharsets.UTF_8));
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot happen with a byte array", e);
    }
    return out.toByteArray();
  }

  private static void failure(JsonGenerator json, EdgeReason reason, String message)
      throws IOException {
    json.writeStringField("rule", reason.label());
    json.writeNullField("field");
    json.writeStringField("message", message);
  }
}
