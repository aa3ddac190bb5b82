package io.streampipe.ingest;

import com.fasterxml.jackson.core.JsonPointer;
import io.streampipe.api.v1alpha1.CursorSpec;
import io.streampipe.ingest.RecordSplitter.Slice;
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
    if (spec == null || !split.json()) {
      return false;
    }
    String found;
    if (spec.getNextPath() != null) {
      // Read during the split when the splitter was told the path; else read here.
      found =
          split.cursorRead()
              ? split.cursor()
              : text(split.body(), split.from(), split.to() - split.from(), spec.getNextPath());
    } else if (split.elements().isEmpty()) {
      found = null;
    } else {
      Slice last = split.elements().get(split.elements().size() - 1);
      found = text(split.body(), last.from(), last.to() - last.from(), spec.getValuePath());
    }
    if (found == null || found.isEmpty() || found.equals(value)) {
      return false;
    }
    value = found;
    return true;
  }

  private static String text(byte[] json, int offset, int length, String pointer) {
    return JsonScan.text(json, offset, length, JsonPointer.compile(pointer));
  }
}
