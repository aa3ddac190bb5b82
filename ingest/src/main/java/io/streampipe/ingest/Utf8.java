package io.streampipe.ingest;

import io.streampipe.ingest.JsonByteReader.NotJson;

/**
 * Checks one UTF-8 sequence of two to four bytes (RFC 3629): no overlong forms, no surrogates,
 * nothing above U+10FFFF. JSON exchanged between systems is UTF-8 (RFC 8259, 8.1); a record that is
 * not would be read as something else by every consumer after us.
 */
final class Utf8 {
  private Utf8() {}

  /** Checks the sequence whose first byte (not ASCII) is at {@code p}; the offset after it. */
  static int skip(byte[] bytes, int p, int end) throws NotJson {
    int lead = bytes[p] & 0xFF;
    int length;
    int min = 0x80;
    int max = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      min = lead == 0xE0 ? 0xA0 : 0x80;
      max = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      min = lead == 0xF0 ? 0x90 : 0x80;
      max = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
      throw new NotJson("a byte that is not UTF-8", p);
    }
    if (p + length > end) {
      throw new NotJson("a UTF-8 sequence was cut short", p);
    }
    int second = bytes[p + 1] & 0xFF;
    if (second < min || second > max) {
      throw new NotJson("a byte that is not UTF-8", p + 1);
    }
    for (int i = 2; i < length; i++) {
      if ((bytes[p + i] & 0xC0) != 0x80) {
        throw new NotJson("a byte that is not UTF-8", p + i);
      }
    }
    return p + length;
  }
}
