package io.streampipe.cli.redrive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DeadLetterTest {
  private static final byte[] NOT_UTF8 = {'{', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '}'};

  @Test
  void aBase64PayloadComesBackByteForByte() {
    DeadLetter letter =
        DeadLetter.parse(
                "k".getBytes(StandardCharsets.UTF_8),
                letter(Base64.getEncoder().encodeToString(NOT_UTF8), "base64", false))
            .orElseThrow();

    assertThat(letter.payload()).isEqualTo(NOT_UTF8);
    assertThat(letter.truncated()).isFalse();
    assertThat(letter.rules()).containsExactly("malformed_json");
    assertThat(letter.source()).isEqualTo("users_created/1/42");
  }

  @Test
  void aTextPayloadIsItsUtf8BytesAndACutOneSaysSo() {
    DeadLetter letter =
        DeadLetter.parse(null, letter("{\\\"name\\\":\\\"Zoë\\\"}", "utf8", true)).orElseThrow();

    assertThat(new String(letter.payload(), StandardCharsets.UTF_8))
        .isEqualTo("{\"name\":\"Zoë\"}");
    assertThat(letter.truncated()).isTrue();
  }

  @Test
  void aLetterWithBrokenBase64IsNotOneTheJobWrote() {
    assertThat(DeadLetter.parse(null, letter("%%%", "base64", false))).isEmpty();
  }

  private static byte[] letter(String payload, String encoding, boolean truncated) {
    return ("{\"rule\":\"malformed_json\",\"field\":null,\"failures\":[{\"rule\":\"malformed_json\"}],"
            + "\"topic\":\"users_created\",\"partition\":1,\"offset\":42,"
            + "\"deadLetteredAt\":\"2026-11-30T12:00:00Z\",\"payload\":\""
            + payload
            + "\",\"payloadEncoding\":\""
            + encoding
            + "\",\"payloadTruncated\":"
            + truncated
            + "}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
