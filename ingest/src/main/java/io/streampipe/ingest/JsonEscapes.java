package io.streampipe.ingest;

import io.streampipe.ingest.JsonByteReader.NotJson;
import java.nio.charset.StandardCharsets;

/** JSON's backslash escapes in UTF-8 bytes: checked while skipping, decoded when text is wanted. */
final class JsonEscapes {
  private JsonEscapes() {}

  /** Checks the escape whose backslash is at {@code p}; the offset after it. */
  static int skip(byte[] json, int p, int end) throws NotJson {
    if (p + 1 < end) {
      switch (json[p + 1]) {
        case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
          return p + 2;
        }
        case 'u' -> {
          if (p + 5 < end
              && hex(json[p + 2]) >= 0
              && hex(json[p + 3]) >= 0
              && hex(json[p + 4]) >= 0
              && hex(json[p + 5]) >= 0) {
            return p + 6;
          }
        }
        default -> {}
      }
    }
    throw new NotJson("a malformed escape in a string", p);
  }

  /** The text of a string's content from {@code from} to {@code to}, checked by {@link #skip}. */
  static String decode(byte[] json, int from, int to) {
    StringBuilder text = new StringBuilder(to - from);
    int run = from;
    int p = from;
    while (p < to) {
      if (json[p] != '\\') {
        p++;
        continue;
      }
      text.append(new String(json, run, p - run, StandardCharsets.UTF_8));
      byte kind = json[p + 1];
      if (kind == 'u') {
        int unit = 0;
        for (int i = 2; i < 6; i++) {
          unit = unit << 4 | hex(json[p + i]);
        }
        text.append((char) unit);
        p += 6;
      } else {
        text.append(
            switch (kind) {
              case 'b' -> '\b';
              case 'f' -> '\f';
              case 'n' -> '\n';
              case 'r' -> '\r';
              case 't' -> '\t';
              default -> (char) kind;
            });
        p += 2;
      }
      run = p;
    }
    return text.append(new String(json, run, to - run, StandardCharsets.UTF_8)).toString();
  }

  private static int hex(byte c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
