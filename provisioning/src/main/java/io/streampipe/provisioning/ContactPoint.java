package io.streampipe.provisioning;

import java.net.InetSocketAddress;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Cassandra contact point written as {@code host} or {@code host:port}.
 *
 * @param host a host name or IPv4 address
 * @param port the CQL native port, {@link #DEFAULT_PORT} when the text omits it
 */
public record ContactPoint(String host, int port) {
  public static final int DEFAULT_PORT = 9042;

  private static final Pattern HOST_PORT = Pattern.compile("^([A-Za-z0-9.-]+)(?::(\\d{1,5}))?$");

  public ContactPoint {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("a contact point needs a host");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("contact point port out of range: " + port);
    }
  }

  /** Parses {@code host} or {@code host:port}; surrounding blanks are ignored. */
  public static ContactPoint parse(String text) {
    Matcher matcher = HOST_PORT.matcher(text == null ? "" : text.trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "contact point '" + text + "' is not host or host:port (port " + DEFAULT_PORT + ")");
    }
    String port = matcher.group(2);
    return new ContactPoint(matcher.group(1), port == null ? DEFAULT_PORT : Integer.parseInt(port));
  }

  /** The address the driver connects to, resolved now so a bad host fails before connecting. */
  public InetSocketAddress address() {
    return new InetSocketAddress(host, port);
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
