package io.streampipe.ingest;

import com.fasterxml.jackson.core.JsonPointer;
import io.streampipe.ingest.JsonByteReader.NotJson;
import io.streampipe.ingest.JsonByteReader.Span;
import java.util.Arrays;

/**
 * Finds values in JSON bytes by reading over them ({@link JsonByteReader}): no tree is built and
 * nothing is copied until a value is wanted, which is what lets the ingester send each record as
 * the bytes it came in.
 */
final class JsonScan {
  private JsonScan() {}

  /** The scalar at {@code pointer} in {@code length} bytes of JSON from {@code offset}, or null. */
  static String text(byte[] json, int offset, int length, JsonPointer pointer) {
    JsonByteReader reader = new JsonByteReader(json, offset, offset + length);
    try {
      if (!seek(reader, pointer)) {
        return null;
      }
      Span value = reader.scalar();
      return value == null ? null : reader.text(value);
    } catch (NotJson e) {
      return null;
    }
  }

  /**
   * The UTF-8 text of the value at {@code pointer}, or null: a scalar's text, or an object's or
   * array's JSON as written, since a Kafka key may be a composite.
   */
  static byte[] key(byte[] json, int offset, int length, JsonPointer pointer) {
    JsonByteReader reader = new JsonByteReader(json, offset, offset + length);
    try {
      return seek(reader, pointer) ? keyAtHand(reader) : null;
    } catch (NotJson e) {
      return null;
    }
  }

  /** As {@link #key}, for the value the reader is at (and then past); null for {@code null}. */
  static byte[] keyAtHand(JsonByteReader reader) throws NotJson {
    byte first = reader.peek();
    if (first == '{' || first == '[') {
      int from = reader.position();
      reader.skipValue();
      return Arrays.copyOfRange(reader.json(), from, reader.position());
    }
    Span value = reader.scalar();
    return value == null ? null : reader.bytes(value);
  }

  /** Moves the reader to the value at {@code pointer} below the one at hand; false if none. */
  private static boolean seek(JsonByteReader reader, JsonPointer pointer) throws NotJson {
    for (JsonPointer at = pointer; !at.matches(); at = at.tail()) {
      byte first = reader.peek();
      if (first == '{') {
        if (!seekField(reader, at.getMatchingProperty())) {
          return false;
        }
      } else if (first == '[' && at.getMatchingIndex() >= 0) {
        if (!seekIndex(reader, at.getMatchingIndex())) {
          return false;
        }
      } else {
        return false;
      }
    }
    return true;
  }

  private static boolean seekField(JsonByteReader reader, String name) throws NotJson {
    for (boolean more = reader.enter((byte) '{'); more; more = reader.next((byte) '}')) {
      if (reader.text(reader.name()).equals(name)) {
        return true;
      }
      reader.skipValue();
    }
    return false;
  }

  private static boolean seekIndex(JsonByteReader reader, int index) throws NotJson {
    int i = 0;
    for (boolean more = reader.enter((byte) '['); more; more = reader.next((byte) ']')) {
      if (i++ == index) {
        return true;
      }
      reader.skipValue();
    }
    return false;
  }
}
