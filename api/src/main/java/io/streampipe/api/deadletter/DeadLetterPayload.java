package io.streampipe.api.deadletter;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.IntFunction;

/**
 * The original payload inside a dead letter, written the same way by the job and the ingester:
 * byte-exact, as text when it is well-formed UTF-8, else base64 ({@code payloadEncoding}); and cut
 * when the whole message would not fit in its topic, with the original size and SHA-256 beside it.
 */
public final class DeadLetterPayload {
  public static final String UTF8 = "utf8";
  public static final String BASE64 = "base64";

  private DeadLetterPayload() {}

  /**
   * The message rendered with the whole payload if it fits in {@code maxBytes} (UTF-8), else with
   * as much of the payload as fits.
   *
   * @param withKept renders the message keeping the first n bytes of the payload
   */
  public static String fitted(IntFunction<String> withKept, int payloadLength, int maxBytes) {
    String whole = withKept.apply(payloadLength);
    int size = utf8Length(whole);
    if (size <= maxBytes) {
      return whole;
    }
    // Cut in proportion to the overshoot, then shrink until it fits: escapes make the ratio vary.
    int keep = (int) ((long) payloadLength * Math.max(0, maxBytes - 1024) / size);
    while (true) {
      String cut = withKept.apply(keep);
      if (utf8Length(cut) <= maxBytes || keep == 0) {
        return cut;
      }
      keep = keep * 9 / 10;
    }
  }

  /** Writes the payload fields, keeping at most the first {@code keep} bytes of the payload. */
  public static void write(JsonGenerator json, byte[] payload, int keep) throws IOException {
    if (payload == null) {
      json.writeNullField("payload");
      return;
    }
    boolean text = Utf8.firstInvalid(payload) < 0;
    int cut = text ? Utf8.boundary(payload, keep) : Math.min(keep, payload.length);
    byte[] kept = cut == payload.length ? payload : Arrays.copyOf(payload, cut);
    json.writeStringField(
        "payload",
        text ? new String(kept, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(kept));
    json.writeStringField("payloadEncoding", text ? UTF8 : BASE64);
    json.writeNumberField("payloadSize", payload.length);
    json.writeBooleanField("payloadTruncated", cut < payload.length);
    if (cut < payload.length) {
      json.writeStringField("payloadSha256", sha256(payload));
    }
  }

  /** The bytes a dead letter's payload field holds, decoded by its {@code payloadEncoding}. */
  public static byte[] decode(String payload, String encoding) {
    return BASE64.equals(encoding)
        ? Base64.getDecoder().decode(payload)
        : payload.getBytes(StandardCharsets.UTF_8);
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
