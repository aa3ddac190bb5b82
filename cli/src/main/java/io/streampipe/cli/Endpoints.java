package io.streampipe.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;

/** Fails fast, with the address in the message, when a server the user named does not answer. */
final class Endpoints {
  private static final int CONNECT_TIMEOUT_MS = 5_000;

  private Endpoints() {}

  /** Requires that at least one of the comma-separated host:port addresses accepts a connection. */
  static void requireReachable(String what, String addresses, int defaultPort) {
    List<String> all =
        Arrays.stream(addresses.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    if (all.isEmpty()) {
      throw new UserException("no " + what + " address given");
    }
    IOException last = null;
    for (String address : all) {
      try (Socket socket = new Socket()) {
        socket.connect(socketAddress(address, defaultPort), CONNECT_TIMEOUT_MS);
        return;
      } catch (IOException e) {
        last = e;
      }
    }
    throw new UserException(
        "cannot reach " + what + " at " + addresses + ": " + last.getMessage(), last);
  }

  static InetSocketAddress socketAddress(String address, int defaultPort) {
    int colon = address.lastIndexOf(':');
    if (colon < 0) {
      return new InetSocketAddress(address, defaultPort);
    }
    try {
      return new InetSocketAddress(
          address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new UserException("'" + address + "' is not host:port");
    }
  }
}
