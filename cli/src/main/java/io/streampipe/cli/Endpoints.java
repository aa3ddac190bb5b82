package io.streampipe.cli;

import io.streampipe.api.CommaList;
import io.streampipe.api.HostPort;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;

/** Fails fast, with the address in the message, when a server the user named does not answer. */
final class Endpoints {
  private static final int CONNECT_TIMEOUT_MS = 5_000;

  private Endpoints() {}

  /** Requires that at least one of the comma-separated host:port addresses accepts a connection. */
  static void requireReachable(String what, String addresses, int defaultPort) {
    List<String> all = CommaList.split(addresses);
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
    try {
      return HostPort.require(address, defaultPort).address();
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
  }
}
