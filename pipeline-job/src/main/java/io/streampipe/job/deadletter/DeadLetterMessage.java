package io.streampipe.job.deadletter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.streampipe.api.deadletter.DeadLetterPayload;
import io.streampipe.job.plan.JobPlan;
import io.streampipe.job.validate.Failure;
import io.streampipe.job.validate.Validated.Rejection;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The value of a dead-letter record: the first failure at the top level (rule, field, message),
 * every failure in {@code failures}, the origin, the time, and the original payload byte-exact: as
 * text when it is well-formed UTF-8, else base64 ({@code payloadEncoding}). A payload whose message
 * would not fit in {@code maxBytes} is cut, and the message then carries its size and SHA-256 so
 * the whole record can be found at its topic, partition and offset.
 */
public final class DeadLetterMessage {
  private static final JsonFactory JSON = new JsonFactory();

  private DeadLetterMessage() {}

  /** The message of a record of a pipeline, sized to fit its dead-letter topic beside its key. */
  public static String render(
      JobPlan plan, Rejection rejection, RecordOrigin origin, byte[] key, byte[] payload) {
    return render(
        plan.pipeline(), rejection, origin, payload, Instant.now(), plan.deadLetterValueLimit(key));
  }

  public static String render(
      String pipeline,
      Rejection rejection,
      RecordOrigin origin,
      byte[] payload,
      Instant now,
      int maxBytes) {
    Parts parts = new Parts(pipeline, rejection, origin, payload, now);
    return DeadLetterPayload.fitted(parts::render, payload == null ? 0 : payload.length, maxBytes);
  }

  private record Parts(
      String pipeline, Rejection rejection, RecordOrigin origin, byte[] payload, Instant now) {

    /** The message with the first {@code keep} bytes of the payload. */
    String render(int keep) {
      StringWriter out = new StringWriter(256 + keep * 2);
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
        json.writeStringField(
            "timestamp", Instant.ofEpochMilli(origin.timestampMillis()).toString());
        json.writeStringField("deadLetteredAt", now.toString());
        DeadLetterPayload.write(json, payload, keep);
        json.writeEndObject();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot happen with a StringWriter", e);
      }
      return out.toString();
    }
  }

  private static void failure(JsonGenerator json, Failure failure) throws IOException {
    json.writeStringField("rule", failure.rule().label());
    json.writeStringField("field", failure.field());
    json.writeStringField("message", failure.message());
  }
}
