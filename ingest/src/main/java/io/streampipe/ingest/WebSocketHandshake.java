package io.streampipe.ingest;

import java.io.IOException;
import java.net.ProtocolException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The opening handshake of RFC 6455 (section 4): the upgrade request, and the checks of its answer.
 */
final class WebSocketHandshake {
  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
  private static final Set<String> SET_BY_CLIENT =
      Set.of(
          "connection",
          "content-length",
          "host",
          "upgrade",
          "sec-websocket-key",
          "sec-websocket-version",
          "sec-websocket-extensions");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String key;

  WebSocketHandshake() {
    byte[] nonce = new byte[16];
    RANDOM.nextBytes(nonce);
    key = Base64.getEncoder().encodeToString(nonce);
  }

  /** A server refused the upgrade: its status, for the metrics and the log. */
  static final class Refused extends IOException {
    final int status;

    Refused(int status, String host) {
      super(host + " answered " + status + " to the WebSocket upgrade");
      this.status = status;
    }
  }

  byte[] request(URI uri, Map<String, String> headers) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    StringBuilder request =
        new StringBuilder("GET ")
            .append(path)
            .append(query)
            .append(" HTTP/1.1\r\nHost: ")
            .append(uri.getRawAuthority())
            .append("\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ")
            .append(key)
            .append("\r\nSec-WebSocket-Version: 13\r\nUser-Agent: streampipe-ingest\r\n");
    headers.forEach(
        (name, value) -> request.append(RequestHeaders.line(name, value, SET_BY_CLIENT)));
    return request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * Checks the answer's head (status line and headers, without the blank line): 101, an upgrade to
   * websocket, and the accept value this request's key calls for.
   */
  void check(String head, String host) throws IOException {
    String[] lines = head.split("\r\n");
    String[] status = lines[0].split(" ", 3);
    if (status.length < 2 || !status[0].startsWith("HTTP/1.")) {
      throw new ProtocolException(host + " did not answer the WebSocket upgrade in HTTP/1.1");
    }
    int code = parseStatus(status[1], host);
    if (code != 101) {
      throw new Refused(code, host);
    }
    String upgrade = "";
    String connection = "";
    String accept = "";
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = lines[i].substring(colon + 1).trim();
      switch (name) {
        case "upgrade" -> upgrade = value;
        case "connection" -> connection = value;
        case "sec-websocket-accept" -> accept = value;
        case "sec-websocket-extensions" ->
            throw new ProtocolException(host + " chose an extension this client did not offer");
        default -> {}
      }
    }
    if (!upgrade.equalsIgnoreCase("websocket")
        || !connection.toLowerCase(Locale.ROOT).contains("upgrade")
        || !accept.equals(expectedAccept())) {
      throw new ProtocolException(host + " answered the upgrade without a valid WebSocket accept");
    }
  }

  private String expectedAccept() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1")
              .digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }

  private static int parseStatus(String code, String host) throws ProtocolException {
    try {
      return Integer.parseInt(code);
    } catch (NumberFormatException e) {
      throw new ProtocolException(host + " answered the WebSocket upgrade with status " + code);
    }
  }
}
