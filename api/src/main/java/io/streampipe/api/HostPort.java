package io.streampipe.api;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server address written {@code host} or {@code host:port}: the one parser of the Kafka and
 * Cassandra addresses a spec, a setting or a command line gives.
 *
 * @param host a host name or IPv4 address
 * @param port 1 to 65535
 */
public record HostPort(String host, int port) {
  /** The CQL native port, for Cassandra contact points that omit theirs. */
  public static final int CQL_PORT = 9042;

  private static final Pattern HOST_PORT = Pattern.compile("^([A-Za-z0-9.-]+)(?::(\\d{1,5}))?$");

  public HostPort {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("an address needs a host");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /**
   * Parses {@code host} (which gets {@code defaultPort}) or {@code host:port}; surrounding blanks
   * are ignored. Empty when the text is neither or the port is out of range.
   */
  public static Optional<HostPort> parse(String text, int defaultPort) {
    Matcher matcher = HOST_PORT.matcher(text == null ? "" : text.trim());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    int port = matcher.group(2) == null ? defaultPort : Integer.parseInt(matcher.group(2));
    return port < 1 || port > 65_535
        ? Optional.empty()
        : Optional.of(new HostPort(matcher.group(1), port));
  }

  /** Like {@link #parse}, but a malformed address is an error that quotes it. */
  public static HostPort require(String text, int defaultPort) {
    return parse(text, defaultPort)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "'" + text + "' is not host or host:port (port " + defaultPort + ")"));
  }

  /** Whether the text is {@code host:port}, the port given. */
  public static boolean isHostAndPort(String text) {
    return text != null && text.contains(":") && parse(text, 1).isPresent();
  }

  /** The address to connect to; resolved now, so a bad host fails before connecting. */
  public InetSocketAddress address() {
    return new InetSocketAddress(host, port);
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
