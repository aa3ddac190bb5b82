package io.streampipe.ingest;

import java.net.URI;

/**
 * The URL a record came from as it may be written down (dead letters, logs): scheme, host, port and
 * path only. An API key often rides in the query or the userinfo, and the dead-letter topic is read
 * by more people than the Secret it came from.
 */
public final class SourceUrl {
  private SourceUrl() {}

  public static String redacted(URI uri) {
    StringBuilder url = new StringBuilder();
    if (uri.getScheme() != null) {
      url.append(uri.getScheme()).append("://");
    }
    if (uri.getHost() != null) {
      url.append(uri.getHost());
    }
    if (uri.getPort() >= 0) {
      url.append(':').append(uri.getPort());
    }
    if (uri.getRawPath() != null) {
      url.append(uri.getRawPath());
    }
    return url.toString();
  }
}
