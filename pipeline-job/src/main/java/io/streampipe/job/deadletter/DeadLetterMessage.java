package io.streampipe.job.deadletter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.streampipe.job.validate.Failure;
import io.streampipe.job.validate.Validated.Rejection;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The value of a dead-letter record: the first failure at the top level (rule, field, message),
 * every failure in {@code failures}, the origin, the time, and the original payload as text.
 */
public final class DeadLetterMessage {
  private static final JsonFactory JSON = new JsonFactory();

  private DeadLetterMessage() {}

  public static String render(
      String pipeline, Rejection rejection, RecordOrigin origin, byte[] payload, Instant now) {
    StringWriter out = new StringWriter(256 + (payload == null ? 0 : payload.length * 2));
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      failure(json, rejection.first());
      json.writeArrayFieldStart("failures");
      for (Failure failure : rejection.failures()) {
        json.writeStartObject();
        failure(json, failure);
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeStringField("pipeline", pipeline);
      json.writeStringField("topic", origin.topic());
      json.writeNumberField("partition", origin.partition());
      json.writeNumberField("offset", origin.offset());
      json.writeStringField("timestamp", Instant.ofEpochMilli(origin.timestampMillis()).toString());
      json.writeStringField("deadLetteredAt", now.toString());
      json.writeStringField(
          "payload", payload == null ? null : new String(payload, StandardCharsets.UTF_8));
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot happen with a StringWriter", e);
    }
    return out.toString();
  }

  private static void failure(JsonGenerator json, Failure failure) throws IOException {
    json.writeStringField("rule", failure.rule().label());
    json.writeStringField("field", failure.field());
    json.writeStringField("message", failure.message());
  }
}
