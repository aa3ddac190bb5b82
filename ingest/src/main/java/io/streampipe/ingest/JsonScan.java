package io.streampipe.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Finds values in JSON bytes by streaming over their tokens: no tree is built and nothing is copied
 * until a value is wanted, which is what lets the ingester send each record as the bytes it came
 * in.
 */
final class JsonScan {
  static final JsonFactory JSON = new JsonFactory();

  private JsonScan() {}

  /**
   * Moves a parser standing on the first token of a value to the first token of the value at {@code
   * pointer} below it; false when there is none (the parser is then somewhere inside).
   */
  static boolean seek(JsonParser parser, JsonPointer pointer) throws IOException {
    for (JsonPointer at = pointer; !at.matches(); at = at.tail()) {
      JsonToken token = parser.currentToken();
      if (token == JsonToken.START_OBJECT) {
        if (!seekField(parser, at.getMatchingProperty())) {
          return false;
        }
      } else if (token == JsonToken.START_ARRAY && at.getMatchingIndex() >= 0) {
        if (!seekIndex(parser, at.getMatchingIndex())) {
          return false;
        }
      } else {
        return false;
      }
    }
    return true;
  }

  /** The scalar at {@code pointer} in {@code length} bytes of JSON from {@code offset}, or null. */
  static String text(byte[] json, int offset, int length, JsonPointer pointer) {
    return value(json, offset, length, pointer, false);
  }

  /**
   * As {@link #text}, but an object or array there is returned too, as its JSON text: a Kafka key
   * may be a composite.
   */
  static String key(byte[] json, int offset, int length, JsonPointer pointer) {
    return value(json, offset, length, pointer, true);
  }

  private static String value(
      byte[] json, int offset, int length, JsonPointer pointer, boolean structures) {
    try (JsonParser parser = JSON.createParser(json, offset, length)) {
      if (parser.nextToken() == null || !seek(parser, pointer)) {
        return null;
      }
      JsonToken token = parser.currentToken();
      if (token.isStructStart()) {
        if (!structures) {
          return null;
        }
        return raw(parser, json, offset);
      }
      return token != JsonToken.VALUE_NULL ? parser.getText() : null;
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * The object or array the parser stands on, as the JSON text it was written as; the parser reads
   * {@code json} from {@code offset}, and its offsets count from there.
   */
  static String raw(JsonParser parser, byte[] json, int offset) throws IOException {
    int from = (int) parser.currentTokenLocation().getByteOffset();
    parser.skipChildren();
    int to = (int) parser.currentLocation().getByteOffset();
    return new String(json, offset + from, to - from, StandardCharsets.UTF_8);
  }

  private static boolean seekField(JsonParser parser, String name) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      if (field.equals(name)) {
        return true;
      }
      parser.skipChildren();
    }
    return false;
  }

  private static boolean seekIndex(JsonParser parser, int index) throws IOException {
    int i = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (i++ == index) {
        return true;
      }
      parser.skipChildren();
    }
    return false;
  }
}
