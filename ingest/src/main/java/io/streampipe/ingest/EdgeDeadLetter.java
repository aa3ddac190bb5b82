package io.streampipe.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.streampipe.api.deadletter.DeadLetterPayload;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Edge dead letters of one pipeline, in the job's shape (rule, field, message, failures, pipeline,
 * deadLetteredAt, the payload byte-exact and cut to fit the topic) so one consumer reads both;
 * {@code reason} repeats the rule and {@code source} names the URL the body came from, where the
 * job writes topic and offset.
 *
 * @param maxValueBytes the largest value the dead-letter topic takes (no key is sent)
 */
record EdgeDeadLetter(String pipeline, String topic, int maxValueBytes) {
  private static final JsonFactory JSON = new JsonFactory();

  ProducerRecord<byte[], byte[]> record(
      EdgeReason reason, String message, String source, byte[] payload, Instant now) {
    String value =
        DeadLetterPayload.fitted(
            kept -> render(reason, message, source, payload, kept, now),
            payload.length,
            maxValueBytes);
    return new ProducerRecord<>(topic, null, value.getBytes(StandardCharsets.UTF_8));
  }

  private String render(
      EdgeReason reason, String message, String source, byte[] payload, int kept, Instant now) {
    StringWriter out = new StringWriter(256 + kept * 2);
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
      DeadLetterPayload.write(json, payload, kept);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot happen with a StringWriter", e);
    }
    return out.toString();
  }

  private static void failure(JsonGenerator json, EdgeReason reason, String message)
      throws IOException {
    json.writeStringField("rule", reason.label());
    json.writeNullField("field");
    json.writeStringField("message", message);
  }
}
