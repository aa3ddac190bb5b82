package io.streampipe.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Free TCP ports on 127.0.0.1, for servers that must be told their ports before they start. */
final class FreePorts {
  static final String HOST = "127.0.0.1";
  static final InetAddress LOOPBACK = loopback();

  // Servers start in parallel: without this, two of them could be handed the same just-closed port.
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  private FreePorts() {}

  static int[] allocate(int count) {
    List<ServerSocket> held = new ArrayList<>();
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        ports[i] = holdUnusedPort(held);
      }
      return ports;
    } finally {
      held.forEach(FreePorts::closeQuietly);
    }
  }

  static boolean isListening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(LOOPBACK, port), 250);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int holdUnusedPort(List<ServerSocket> held) {
    while (true) {
      ServerSocket socket = bindAnyPort();
      held.add(socket);
      if (HANDED_OUT.add(socket.getLocalPort())) {
        return socket.getLocalPort();
      }
    }
  }

  private static ServerSocket bindAnyPort() {
    try {
      return new ServerSocket(0, 1, LOOPBACK);
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + HOST, e);
    }
  }

  private static void closeQuietly(ServerSocket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // The port is released with the socket either way.
    }
  }

  private static InetAddress loopback() {
    try {
      return InetAddress.getByAddress(HOST, new byte[] {127, 0, 0, 1});
    } catch (UnknownHostException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
