package io.streampipe.ingest;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one body (a response, an event's data, a message) into records: the elements at {@code
 * recordsPath}, each with its key, or the reason it cannot be one.
 */
final class RecordSplitter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonPointer recordsPath;
  private final JsonPointer keyPointer;
  private final int maxRecordBytes;

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
  }

  /** A body split into records and refusals; {@code root} is null when it is not JSON. */
  record Split(JsonNode root, List<JsonNode> elements, List<Outcome> outcomes) {}

  /** One record (value and key) or one refusal (reason, message, the payload refused). */
  record Outcome(byte[] value, byte[] key, EdgeReason reason, String message) {
    boolean accepted() {
      return reason == null;
    }
  }

  Split split(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      root = null;
    }
    if (root == null || root.isMissingNode()) {
      return refused(null, body, EdgeReason.NOT_JSON, "the body is not JSON");
    }
    if (recordsPath.matches()) {
      if (body.length > maxRecordBytes) {
        return refused(root, body, EdgeReason.TOO_LARGE, tooLarge(body.length));
      }
      return new Split(root, List.of(root), List.of(record(root, body)));
    }
    JsonNode at = root.at(recordsPath);
    if (at.isMissingNode() || at.isNull()) {
      return refused(root, body, EdgeReason.NO_RECORDS, "nothing at " + recordsPath);
    }
    List<JsonNode> elements = new ArrayList<>();
    if (at.isArray()) {
      at.forEach(elements::add);
    } else {
      elements.add(at);
    }
    List<Outcome> outcomes = new ArrayList<>(elements.size());
    for (JsonNode element : elements) {
      outcomes.add(record(element, bytes(element)));
    }
    return new Split(root, elements, outcomes);
  }

  private Outcome record(JsonNode element, byte[] value) {
    if (value.length > maxRecordBytes) {
      return new Outcome(value, null, EdgeReason.TOO_LARGE, tooLarge(value.length));
    }
    if (keyPointer == null) {
      return new Outcome(value, null, null, null);
    }
    JsonNode key = element.at(keyPointer);
    if (key.isMissingNode() || key.isNull()) {
      return new Outcome(value, null, EdgeReason.MISSING_KEY, "no key at " + keyPointer);
    }
    String text = key.isValueNode() ? key.asText() : key.toString();
    return new Outcome(value, text.getBytes(java.nio.charset.StandardCharsets.UTF_8), null, null);
  }

  private String tooLarge(int bytes) {
    return bytes + " bytes, more than maxRecordBytes " + maxRecordBytes;
  }

  private static Split refused(JsonNode root, byte[] body, EdgeReason reason, String message) {
    return new Split(root, List.of(), List.of(new Outcome(body, null, reason, message)));
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("a parsed node that cannot be written", e);
    }
  }
}
