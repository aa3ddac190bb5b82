package io.streampipe.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns one body (a response, an event's data, a message) into records: the elements at {@code
 * recordsPath}, each with its key, or the reason it cannot be one. One streaming pass: each element
 * is sent as the bytes the API wrote, never parsed into a tree and written again.
 */
final class RecordSplitter {
  private final JsonPointer recordsPath;
  private final JsonPointer keyPointer;
  private final int maxRecordBytes;

  /** The key's field name when it is a top-level field, found while the element is read. */
  private final String keyName;

  /**
   * @param keyField a top-level field name or a JSON Pointer; null for records without a key
   */
  RecordSplitter(String recordsPath, String keyField, int maxRecordBytes) {
    this.recordsPath = JsonPointer.compile(recordsPath == null ? "" : recordsPath);
    this.keyPointer =
        keyField == null
            ? null
            : keyField.startsWith("/")
                ? JsonPointer.compile(keyField)
                : JsonPointer.compile("/" + keyField.replace("~", "~0").replace("/", "~1"));
    this.maxRecordBytes = maxRecordBytes;
    this.keyName =
        keyPointer != null && keyPointer.tail().matches() ? keyPointer.getMatchingProperty() : null;
  }

  /**
   * Where one element sits in the body: bytes {@code from} (inclusive) to {@code to}; {@code key}
   * when a top-level key field was found on the way.
   */
  record Slice(int from, int to, String key) {}

  /** A body split into records and refusals; {@code json} is false when it is not JSON. */
  record Split(byte[] body, boolean json, List<Slice> elements, List<Outcome> outcomes) {}

  /** One record (value and key) or one refusal (reason, message, the payload refused). */
  record Outcome(byte[] value, byte[] key, EdgeReason reason, String message) {
    boolean accepted() {
      return reason == null;
    }
  }

  Split split(byte[] body) {
    boolean whole = recordsPath.matches();
    boolean found = whole;
    List<Slice> elements = new ArrayList<>();
    try (JsonParser parser = JsonScan.JSON.createParser(body)) {
      if (parser.nextToken() == null) {
        return refused(body, false, EdgeReason.NOT_JSON, "the body is empty");
      }
      if (whole) {
        // The body is sent as it came, surrounding whitespace and all.
        elements.add(new Slice(0, body.length, slice(parser, body).key()));
      } else if (JsonScan.seek(parser, recordsPath)
          && parser.currentToken() != JsonToken.VALUE_NULL) {
        found = true;
        if (parser.currentToken() == JsonToken.START_ARRAY) {
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            elements.add(slice(parser, body));
          }
        } else {
          elements.add(slice(parser, body));
        }
      }
      // The rest is read too: a body that is not JSON throughout is refused whole.
      while (parser.nextToken() != null) {
        parser.skipChildren();
      }
    } catch (IOException e) {
      return refused(body, false, EdgeReason.NOT_JSON, "the body is not JSON");
    }
    if (!found) {
      return refused(body, true, EdgeReason.NO_RECORDS, "nothing at " + recordsPath);
    }
    List<Outcome> outcomes = new ArrayList<>(elements.size());
    for (Slice element : elements) {
      outcomes.add(record(body, element));
    }
    return new Split(body, true, elements, outcomes);
  }

  private Slice slice(JsonParser parser, byte[] body) throws IOException {
    int from = (int) parser.currentTokenLocation().getByteOffset();
    String key = null;
    if (keyName != null && parser.currentToken() == JsonToken.START_OBJECT) {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        boolean isKey = keyName.equals(parser.currentName());
        JsonToken value = parser.nextToken();
        if (isKey && value.isScalarValue() && value != JsonToken.VALUE_NULL) {
          key = parser.getText();
        } else if (isKey && value.isStructStart()) {
          key = JsonScan.raw(parser, body, 0);
        } else {
          parser.skipChildren();
        }
      }
    } else if (parser.currentToken().isStructStart()) {
      parser.skipChildren();
    } else {
      parser.finishToken();
    }
    return new Slice(from, (int) parser.currentLocation().getByteOffset(), key);
  }

  private Outcome record(byte[] body, Slice element) {
    int length = element.to() - element.from();
    byte[] value =
        length == body.length ? body : Arrays.copyOfRange(body, element.from(), element.to());
    if (length > maxRecordBytes) {
      return new Outcome(value, null, EdgeReason.TOO_LARGE, tooLarge(length));
    }
    if (keyPointer == null) {
      return new Outcome(value, null, null, null);
    }
    String key =
        element.key() != null
            ? element.key()
            : JsonScan.key(body, element.from(), length, keyPointer);
    if (key == null) {
      return new Outcome(value, null, EdgeReason.MISSING_KEY, "no key at " + keyPointer);
    }
    return new Outcome(value, key.getBytes(StandardCharsets.UTF_8), null, null);
  }

  private String tooLarge(int bytes) {
    return bytes + " bytes, more than maxRecordBytes " + maxRecordBytes;
  }

  private static Split refused(byte[] body, boolean json, EdgeReason reason, String message) {
    return new Split(body, json, List.of(), List.of(new Outcome(body, null, reason, message)));
  }
}
