package io.streampipe.api.deadletter;

/**
 * Strict UTF-8 (RFC 3629): no overlong forms, no encoded surrogates, nothing above U+10FFFF, no
 * truncated sequences. Jackson's parser decodes such bytes without complaint (C0 80 becomes U+0000,
 * ED A0 80 a lone surrogate that the driver writes as '?'), so the job checks before it parses.
 */
public final class Utf8 {
  private Utf8() {}

  /** The index of the first byte that does not begin a well-formed sequence, or -1. */
  public static int firstInvalid(byte[] bytes) {
    int i = 0;
    int n = bytes.length;
    while (i < n) {
      int b = bytes[i];
      if (b >= 0) {
        i++;
        continue;
      }
      int length = sequenceLength(bytes, i, n);
      if (length == 0) {
        return i;
      }
      i += length;
    }
    return -1;
  }

  /**
   * The length of the well-formed multi-byte sequence at {@code i}, reading no further than {@code
   * end}; 0 when there is none (the byte there is ASCII, or the sequence is malformed or cut).
   */
  public static int sequenceLength(byte[] bytes, int i, int end) {
    int b = bytes[i] & 0xFF;
    int length;
    int low = 0x80;
    int high = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
      length = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
      length = 3;
      low = b == 0xE0 ? 0xA0 : 0x80;
      high = b == 0xED ? 0x9F : 0xBF;
    } else if (b >= 0xF0 && b <= 0xF4) {
      length = 4;
      low = b == 0xF0 ? 0x90 : 0x80;
      high = b == 0xF4 ? 0x8F : 0xBF;
    } else {
      return 0;
    }
    if (i + length > end) {
      return 0;
    }
    int second = bytes[i + 1] & 0xFF;
    if (second < low || second > high) {
      return 0;
    }
    for (int k = 2; k < length; k++) {
      if ((bytes[i + k] & 0xC0) != 0x80) {
        return 0;
      }
    }
    return length;
  }

  /** The largest cut at or below {@code at} that does not split a sequence of valid UTF-8. */
  public static int boundary(byte[] bytes, int at) {
    int cut = Math.min(at, bytes.length);
    while (cut > 0 && cut < bytes.length && (bytes[cut] & 0xC0) == 0x80) {
      cut--;
    }
    return cut;
  }
}
