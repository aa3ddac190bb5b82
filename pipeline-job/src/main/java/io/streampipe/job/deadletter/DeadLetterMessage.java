package io.streampipe.job.deadletter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.streampipe.job.plan.JobPlan;
import io.streampipe.job.validate.Failure;
import io.streampipe.job.validate.Utf8;
import io.streampipe.job.validate.Validated.Rejection;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The value of a dead-letter record: the first failure at the top level (rule, field, message),
 * every failure in {@code failures}, the origin, the time, and the original payload byte-exact: as
 * text when it is well-formed UTF-8, else base64 ({@code payloadEncoding}). A payload whose message
 * would not fit in {@code maxBytes} is cut, and the message then carries its size and SHA-256 so
 * the whole record can be found at its topic, partition and offset.
 */
public final class DeadLetterMessage {
  public static final String UTF8 = "utf8";
  public static final String BASE64 = "base64";
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
    String whole = parts.render(payload == null ? 0 : payload.length);
    int size = utf8Length(whole);
    if (size <= maxBytes) {
      return whole;
    }
    // Cut in proportion to the overshoot, then shrink until it fits: escapes make the ratio vary.
    int keep = (int) ((long) payload.length * Math.max(0, maxBytes - 1024) / size);
    while (true) {
      String cut = parts.render(keep);
      if (utf8Length(cut) <= maxBytes || keep == 0) {
        return cut;
      }
      keep = keep * 9 / 10;
    }
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
        payload(json, keep);
        json.writeEndObject();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot happen with a StringWriter", e);
      }
      return out.toString();
    }

    private void payload(JsonGenerator json, int keep) throws IOException {
      if (payload == null) {
        json.writeNullField("payload");
        return;
      }
      boolean text = Utf8.firstInvalid(payload) < 0;
      int cut = text ? Utf8.boundary(payload, keep) : Math.min(keep, payload.length);
      byte[] kept = cut == payload.length ? payload : Arrays.copyOf(payload, cut);
      json.writeStringField(
          "payload",
          text
              ? new String(kept, StandardCharsets.UTF_8)
              : Base64.getEncoder().encodeToString(kept));
      json.writeStringField("payloadEncoding", text ? UTF8 : BASE64);
      json.writeNumberField("payloadSize", payload.length);
      json.writeBooleanField("payloadTruncated", cut < payload.length);
      if (cut < payload.length) {
        json.writeStringField("payloadSha256", sha256(payload));
      }
    }
  }

  private static void failure(JsonGenerator json, Failure failure) throws IOException {
    json.writeStringField("rule", failure.rule().label());
    json.writeStringField("field", failure.field());
    json.writeStringField("message", failure.message());
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** The UTF-8 size of a text without encoding it. */
  static int utf8Length(String text) {
    int bytes = text.length();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        bytes += c < 0x800 ? 1 : Character.isSurrogate(c) ? 1 : 2;
      }
    }
    return bytes;
  }
}
