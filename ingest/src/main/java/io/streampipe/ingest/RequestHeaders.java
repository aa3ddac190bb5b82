package io.streampipe.ingest;

import java.util.Locale;
import java.util.Set;

/** The spec's request headers as our HTTP/1.1 clients write them, refused as the JDK's would be. */
final class RequestHeaders {
  private RequestHeaders() {}

  /**
   * One header line, CRLF included.
   *
   * @param setByClient lower-case names the client writes itself, which the spec may not replace
   */
  static String line(String name, String value, Set<String> setByClient) {
    // A header must not smuggle another one in, nor replace one the client writes itself.
    if ((name + value).chars().anyMatch(c -> c == '\r' || c == '\n')) {
      throw new IllegalArgumentException("header " + name + " holds a line break");
    }
    if (setByClient.contains(name.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("header " + name + " is set by the client");
    }
    return name + ": " + value + "\r\n";
  }
}
