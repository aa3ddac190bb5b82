package io.streampipe.ingest;

import io.streampipe.api.deadletter.Utf8;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads JSON (RFC 8259, in UTF-8) from a byte range and builds nothing: values are checked and
 * skipped, or located by their offsets, so the ingester sends each record as the bytes the API
 * wrote. A general parser decodes every field name and keeps a token's state; the splitter needs
 * neither, and this is where the ingester spends its time. What is not JSON throws {@link NotJson}
 * naming the byte where it stopped being JSON.
 */
final class JsonByteReader {
  /** Deeper nesting is refused, as parsers do, so a hostile body cannot exhaust the stack. */
  static final int MAX_DEPTH = 1000;

  private static final VarHandle WORDS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final byte[] json;
  private final int end;
  private int pos;

  /**
   * Reads {@code json} from {@code from} (inclusive) to {@code to}; a UTF-8 BOM there is skipped.
   */
  JsonByteReader(byte[] json, int from, int to) {
    this.json = json;
    this.end = to;
    boolean bom =
        to - from >= 3
            && json[from] == (byte) 0xEF
            && json[from + 1] == (byte) 0xBB
            && json[from + 2] == (byte) 0xBF;
    this.pos = bom ? from + 3 : from;
  }

  /** Not JSON, and where: the offset of the first byte that cannot be read as JSON. */
  static final class NotJson extends Exception {
    NotJson(String problem, int offset) {
      super(problem + " at byte " + offset, null, false, false);
    }
  }

  /** Skips whitespace; the first byte of the next value, where {@link #position} now stands. */
  byte peek() throws NotJson {
    skipWhitespace();
    if (pos >= end) {
      throw new NotJson("a value was expected, the body ended", pos);
    }
    return json[pos];
  }

  int position() {
    return pos;
  }

  /** The bytes read, for copying out a value between two positions. */
  byte[] json() {
    return json;
  }

  /** True when only whitespace is left. */
  boolean atEnd() {
    skipWhitespace();
    return pos >= end;
  }

  /** Steps into the object or array at hand ({@code open} is its first byte); false when empty. */
  boolean enter(byte open) throws NotJson {
    expect(open);
    return !leave(open == '{' ? (byte) '}' : (byte) ']');
  }

  /** After a member: true when another follows (its comma read), false at the closing byte. */
  boolean next(byte close) throws NotJson {
    skipWhitespace();
    if (pos < end && json[pos] == ',') {
      pos++;
      return true;
    }
    if (!leave(close)) {
      throw new NotJson("',' or '" + (char) close + "' was expected", pos);
    }
    return false;
  }

  /** Reads a member's name and its colon; the name is between the returned span's bounds. */
  Span name() throws NotJson {
    if (peek() != '"') {
      throw new NotJson("a field name was expected", pos);
    }
    Span name = string();
    expect((byte) ':');
    return name;
  }

  /** Skips the value at hand, checking it is JSON throughout. */
  void skipValue() throws NotJson {
    skipValue(0);
  }

  /**
   * The scalar at hand as a span (a string's content without its quotes); null for {@code null},
   * and for an object or array, which are skipped.
   */
  Span scalar() throws NotJson {
    byte first = peek();
    if (first == '"') {
      return string();
    }
    int from = pos;
    skipValue();
    return first == '{' || first == '[' || first == 'n' ? null : new Span(from, pos, false);
  }

  /** Where a name, string or scalar lies; {@code escaped} when its text needs decoding. */
  record Span(int from, int to, boolean escaped) {}

  /** The text of a span: the bytes as written, escapes decoded. */
  String text(Span span) {
    return span.escaped()
        ? JsonEscapes.decode(json, span.from(), span.to())
        : new String(json, span.from(), span.to() - span.from(), StandardCharsets.UTF_8);
  }

  /** The UTF-8 bytes of a span's text. */
  byte[] bytes(Span span) {
    return span.escaped()
        ? text(span).getBytes(StandardCharsets.UTF_8)
        : Arrays.copyOfRange(json, span.from(), span.to());
  }

  /** Whether a span's text is {@code utf8}, compared without decoding when nothing is escaped. */
  boolean textEquals(Span span, byte[] utf8) {
    if (span.escaped()) {
      return text(span).equals(new String(utf8, StandardCharsets.UTF_8));
    }
    return Arrays.equals(json, span.from(), span.to(), utf8, 0, utf8.length);
  }

  private void skipValue(int depth) throws NotJson {
    byte first = peek();
    switch (first) {
      case '{', '[' -> {
        if (depth == MAX_DEPTH) {
          throw new NotJson("nested deeper than " + MAX_DEPTH, pos);
        }
        byte close = first == '{' ? (byte) '}' : (byte) ']';
        for (boolean more = enter(first); more; more = next(close)) {
          if (first == '{') {
            name();
          }
          skipValue(depth + 1);
        }
      }
      case '"' -> string();
      case 't' -> literal("true");
      case 'f' -> literal("false");
      case 'n' -> literal("null");
      default -> number();
    }
  }

  private Span string() throws NotJson {
    int from = pos + 1;
    int p = from;
    boolean escaped = false;
    while (p < end) {
      p = plainBytes(p);
      if (p >= end) {
        break;
      }
      byte c = json[p];
      if (c == '"') {
        pos = p + 1;
        return new Span(from, p, escaped);
      } else if (c == '\\') {
        escaped = true;
        p = JsonEscapes.skip(json, p, end);
      } else if (c >= 0x20) {
        p++;
      } else if (c >= 0) {
        throw new NotJson("a control character in a string", p);
      } else {
        int sequence = Utf8.sequenceLength(json, p, end);
        if (sequence == 0) {
          throw new NotJson("a byte that is not UTF-8", p);
        }
        p += sequence;
      }
    }
    throw new NotJson("a string was not closed", from - 1);
  }

  /**
   * Skips eight bytes at a time while none of them ends a string or needs a look (a quote, a
   * backslash, a control character, a byte of a multi-byte character): most of a record is string
   * content, and this is where the time goes. The first offset from {@code p} that needs one, or
   * where fewer than eight bytes are left.
   */
  private int plainBytes(int p) {
    while (p + Long.BYTES <= end) {
      long word = (long) WORDS.get(json, p);
      long special =
          zeroByte(word ^ 0x2222222222222222L) // '"'
              | zeroByte(word ^ 0x5C5C5C5C5C5C5C5CL) // '\\'
              | (word - 0x2020202020202020L) // below 0x20 (and, with the next, not above 0x7F)
              | word;
      special &= 0x8080808080808080L;
      if (special != 0) {
        // Flags spill only upwards from a flagged byte, so the lowest one is a byte to look at.
        return p + (Long.numberOfTrailingZeros(special) >>> 3);
      }
      p += Long.BYTES;
    }
    return p;
  }

  /** The high bit set in each zero byte of {@code word} (and perhaps above one, never below). */
  private static long zeroByte(long word) {
    return (word - 0x0101010101010101L) & ~word;
  }

  private void number() throws NotJson {
    int from = pos;
    int p = pos;
    if (p < end && json[p] == '-') {
      p++;
    }
    if (p < end && json[p] == '0') {
      p++;
    } else {
      p = digits(p, from);
    }
    if (p < end && json[p] == '.') {
      p = digits(p + 1, from);
    }
    if (p < end && (json[p] == 'e' || json[p] == 'E')) {
      p++;
      if (p < end && (json[p] == '+' || json[p] == '-')) {
        p++;
      }
      p = digits(p, from);
    }
    pos = p;
  }

  /** At least one digit from {@code p}; the offset after the last. */
  private int digits(int p, int value) throws NotJson {
    int start = p;
    while (p < end && json[p] >= '0' && json[p] <= '9') {
      p++;
    }
    if (p == start) {
      throw new NotJson(value == start ? "a value was expected" : "a malformed number", value);
    }
    return p;
  }

  private void literal(String word) throws NotJson {
    for (int i = 0; i < word.length(); i++) {
      if (pos + i >= end || json[pos + i] != word.charAt(i)) {
        throw new NotJson("a value was expected", pos);
      }
    }
    pos += word.length();
  }

  private void expect(byte wanted) throws NotJson {
    skipWhitespace();
    if (pos >= end || json[pos] != wanted) {
      throw new NotJson("'" + (char) wanted + "' was expected", pos);
    }
    pos++;
  }

  private boolean leave(byte close) {
    skipWhitespace();
    if (pos < end && json[pos] == close) {
      pos++;
      return true;
    }
    return false;
  }

  private void skipWhitespace() {
    while (pos < end) {
      byte c = json[pos];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return;
      }
      pos++;
    }
  }
}
