package io.streampipe.ingest;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.streampipe.api.v1alpha1.CursorSpec;
import io.streampipe.ingest.RecordSplitter.Split;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The next request of a polled endpoint: the base URL, with the cursor as a query parameter or as
 * the next page's URL. A response without a new value leaves the cursor where it was, so the next
 * poll asks again from the last position seen and no page is read twice.
 */
final class PageCursor {
  private final URI base;
  private final CursorSpec spec;
  private String value;

  /**
   * @param spec null when the endpoint has no cursor
   * @param value the value kept from an earlier run, or null
   */
  PageCursor(URI base, CursorSpec spec, String value) {
    this.base = base;
    this.spec = spec;
    this.value = spec == null ? null : value;
  }

  URI next() {
    if (value == null) {
      return base;
    }
    if (spec.getParam() == null) {
      return base.resolve(value);
    }
    String query = spec.getParam() + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    String url = base.toString();
    return URI.create(url + (base.getRawQuery() == null ? "?" : "&") + query);
  }

  String value() {
    return value;
  }

  /** Moves past a response; true when a new position was found and the next page may follow. */
  boolean advance(Split split) {
    if (spec == null || split.root() == null) {
      return false;
    }
    String found =
        spec.getNextPath() != null
            ? text(split.root(), spec.getNextPath())
            : split.elements().isEmpty()
                ? null
                : text(split.elements().get(split.elements().size() - 1), spec.getValuePath());
    if (found == null || found.isEmpty() || found.equals(value)) {
      return false;
    }
    value = found;
    return true;
  }

  private static String text(JsonNode node, String pointer) {
    JsonNode at = node.at(JsonPointer.compile(pointer));
    return at.isMissingNode() || at.isNull() ? null : at.isValueNode() ? at.asText() : null;
  }
}
