package io.streampipe.ingest;

import com.fasterxml.jackson.core.JsonPointer;
import io.streampipe.ingest.JsonByteReader.NotJson;
import io.streampipe.ingest.JsonByteReader.Span;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns one body (a response, an event's data, a message) into records: the elements at {@code
 * recordsPath}, each with its key, or the reason it cannot be one; and picks up a page's cursor on
 * the way. One pass ({@link JsonByteReader}): each element is sent as the bytes the API wrote,
 * never parsed into a tree and written again, and the body is not read a second time for its
 * cursor. A body is JSON throughout or refused whole.
 */
final class RecordSplitter {
  private final JsonPointer recordsPath;
  private final JsonPointer keyPointer;
  private final int maxRecordBytes;
  private final JsonPointer cursorPath;

  /**
   * The key's field name in UTF-8 when it is a top-level field, found while the element is read.
   */
  private final byte[] keyName;

  /**
   * @param keyField a top-level field name or a JSON Pointer; null for records without a key
   */
  RecordSplitter(String recordsPath, String keyField, int maxRecordBytes) {
    this(recordsPath, keyField, maxRecordBytes, null);
  }

  /**
   * @param cursorPath a JSON Pointer to a page's next cursor, read during the split; or null
   */
  RecordSplitter(String recordsPath, String keyField, int maxRecordBytes, String cursorPath) {
    this.cursorPath = cursorPath == null ? null : JsonPointer.compile(cursorPath);
    this.recordsPath = JsonPointer.compile(recordsPath == null ? "" : recordsPath);
    this.keyPointer =
        keyField == null
            ? null
            : keyField.startsWith("/")
                ? JsonPointer.compile(keyField)
                : JsonPointer.compile("/" + keyField.replace("~", "~0").replace("/", "~1"));
    this.maxRecordBytes = maxRecordBytes;
    this.keyName =
        keyPointer != null && keyPointer.tail().matches()
            ? keyPointer.getMatchingProperty().getBytes(StandardCharsets.UTF_8)
            : null;
  }

  /**
   * Where one element sits in the body: bytes {@code from} (inclusive) to {@code to}; {@code key},
   * in UTF-8, when a top-level key field was found on the way.
   */
  record Slice(int from, int to, byte[] key) {}

  /**
   * A body split into records and refusals; {@code json} is false when it is not JSON. {@code
   * cursor} is the scalar found at the cursor path; {@code cursorRead} tells whether the pass
   * looked for it (not when there is no cursor path, or it lies inside a record).
   */
  record Split(
      byte[] body,
      int from,
      int to,
      boolean json,
      List<Slice> elements,
      List<Outcome> outcomes,
      String cursor,
      boolean cursorRead) {}

  /** One record (value and key) or one refusal (reason, message, the payload refused). */
  record Outcome(byte[] value, byte[] key, EdgeReason reason, String message) {
    boolean accepted() {
      return reason == null;
    }
  }

  /** Splits a body the records may share: a record that is the whole body is sent as it is. */
  Split split(byte[] body) {
    return split(body, 0, body.length, true);
  }

  /** Splits the first {@code length} bytes of a reused buffer: every record gets its own copy. */
  Split split(byte[] buffer, int length) {
    return split(buffer, 0, length, false);
  }

  /** Splits bytes {@code from} to {@code to} of a reused buffer: every record gets its own copy. */
  Split split(byte[] buffer, int from, int to) {
    return split(buffer, from, to, false);
  }

  private Split split(byte[] body, int from, int to, boolean owned) {
    Walk walk = new Walk(body);
    JsonByteReader json = new JsonByteReader(body, from, to);
    try {
      if (json.atEnd()) {
        return refused(body, from, to, owned, false, EdgeReason.NOT_JSON, "the body is empty");
      }
      if (recordsPath.matches()) {
        // The body is sent as it came, surrounding whitespace and all.
        walk.found = true;
        walk.elements.add(new Slice(from, to, slice(json).key()));
      } else {
        walk.cursorRead = cursorPath != null;
        walk.visit(json, recordsPath, cursorPath);
      }
      if (!json.atEnd()) {
        throw new NotJson("more than one value", json.position());
      }
    } catch (NotJson e) {
      String problem = "the body is not JSON: " + e.getMessage();
      return refused(body, from, to, owned, false, EdgeReason.NOT_JSON, problem);
    }
    if (!walk.found) {
      String problem = "nothing at " + recordsPath;
      return refused(body, from, to, owned, true, EdgeReason.NO_RECORDS, problem);
    }
    List<Outcome> outcomes = new ArrayList<>(walk.elements.size());
    for (Slice element : walk.elements) {
      outcomes.add(record(body, owned, element));
    }
    return new Split(body, from, to, true, walk.elements, outcomes, walk.cursor, walk.cursorRead);
  }

  /** One pass over a body: the records where the path leads, the cursor where its path does. */
  private final class Walk {
    final byte[] body;
    final List<Slice> elements = new ArrayList<>();
    boolean recordsFound;
    boolean found;
    String cursor;
    boolean cursorFound;
    boolean cursorRead;

    Walk(byte[] body) {
      this.body = body;
    }

    /**
     * Reads the value at hand; {@code records} and {@code cursor} are what is left of each path
     * below it, null when the path does not lead here. The first match of each counts.
     */
    void visit(JsonByteReader json, JsonPointer records, JsonPointer cursor) throws NotJson {
      byte first = json.peek();
      if (records != null && records.matches()) {
        recordsFound = true;
        found = first != 'n';
        if (first == '[') {
          for (boolean more = json.enter(first); more; more = json.next((byte) ']')) {
            elements.add(slice(json));
          }
        } else if (found) {
          elements.add(slice(json));
        } else {
          json.skipValue();
        }
        // A cursor inside the records is not looked for here.
        cursorRead &= cursor == null;
      } else if (cursor != null && cursor.matches()) {
        cursorFound = true;
        Span value = json.scalar();
        this.cursor = value == null ? null : json.text(value);
      } else if (records == null && cursor == null) {
        json.skipValue();
      } else if (first == '{') {
        for (boolean more = json.enter(first); more; more = json.next((byte) '}')) {
          String name = json.text(json.name());
          visit(json, field(records, name, recordsFound), field(cursor, name, cursorFound));
        }
      } else if (first == '[') {
        int i = 0;
        for (boolean more = json.enter(first); more; more = json.next((byte) ']')) {
          visit(json, index(records, i, recordsFound), index(cursor, i, cursorFound));
          i++;
        }
      } else {
        json.skipValue();
      }
    }
  }

  private static JsonPointer field(JsonPointer path, String name, boolean done) {
    return path != null && !done && name.equals(path.getMatchingProperty()) ? path.tail() : null;
  }

  private static JsonPointer index(JsonPointer path, int index, boolean done) {
    return path != null && !done && path.getMatchingIndex() == index ? path.tail() : null;
  }

  /** Skips one element, picking up its top-level key field on the way. */
  private Slice slice(JsonByteReader json) throws NotJson {
    byte first = json.peek();
    int from = json.position();
    byte[] key = null;
    if (keyName != null && first == '{') {
      for (boolean more = json.enter(first); more; more = json.next((byte) '}')) {
        if (json.textEquals(json.name(), keyName)) {
          byte[] found = JsonScan.keyAtHand(json);
          key = found == null ? key : found;
        } else {
          json.skipValue();
        }
      }
    } else {
      json.skipValue();
    }
    return new Slice(from, json.position(), key);
  }

  private Outcome record(byte[] body, boolean owned, Slice element) {
    int length = element.to() - element.from();
    byte[] value =
        owned && length == body.length
            ? body
            : Arrays.copyOfRange(body, element.from(), element.to());
    if (length > maxRecordBytes) {
      return new Outcome(value, null, EdgeReason.TOO_LARGE, tooLarge(length));
    }
    if (keyPointer == null) {
      return new Outcome(value, null, null, null);
    }
    byte[] key =
        element.key() != null
            ? element.key()
            : JsonScan.key(body, element.from(), length, keyPointer);
    if (key == null) {
      return new Outcome(value, null, EdgeReason.MISSING_KEY, "no key at " + keyPointer);
    }
    return new Outcome(value, key, null, null);
  }

  private String tooLarge(int bytes) {
    return bytes + " bytes, more than maxRecordBytes " + maxRecordBytes;
  }

  private static Split refused(
      byte[] body,
      int from,
      int to,
      boolean owned,
      boolean json,
      EdgeReason reason,
      String message) {
    byte[] payload = owned ? body : Arrays.copyOfRange(body, from, to);
    return new Split(
        body,
        from,
        to,
        json,
        List.of(),
        List.of(new Outcome(payload, null, reason, message)),
        null,
        false);
  }
}
