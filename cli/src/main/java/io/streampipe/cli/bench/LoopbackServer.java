package io.streampipe.cli.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.Consumer;

/**
 * A socket server on loopback for the ingest benchmark's stand-in APIs: one thread accepting, one
 * per connection, all named as the servers' so {@link SideCpu} counts them apart from the client.
 */
final class LoopbackServer implements AutoCloseable {
  private final ServerSocket server;

  LoopbackServer(String name, Consumer<Socket> connection) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor =
        new Thread(() -> accept(name, connection), SideCpu.SERVER_THREAD + "-" + name + "-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void accept(String name, Consumer<Socket> connection) {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        socket.setTcpNoDelay(true);
        Thread serving =
            new Thread(() -> connection.accept(socket), SideCpu.SERVER_THREAD + "-" + name);
        serving.setDaemon(true);
        serving.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
