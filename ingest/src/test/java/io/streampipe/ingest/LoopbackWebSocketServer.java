package io.streampipe.ingest;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A real WebSocket server (Java-WebSocket) on a free loopback port that ignores every event; tests
 * override the ones they answer. {@link #begin} returns once its port is known.
 */
abstract class LoopbackWebSocketServer extends WebSocketServer {
  LoopbackWebSocketServer() {
    super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    setReuseAddr(true);
  }

  /** Starts the server and waits (at most 5 s) until it listens. */
  void begin() throws InterruptedException {
    start();
    for (int i = 0; i < 100 && getPort() == 0; i++) {
      Thread.sleep(50);
    }
  }

  String url(String path) {
    return "ws://127.0.0.1:" + getPort() + path;
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {}

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

  @Override
  public void onMessage(WebSocket conn, String message) {}

  @Override
  public void onMessage(WebSocket conn, ByteBuffer message) {}

  @Override
  public void onError(WebSocket conn, Exception ex) {}

  @Override
  public void onStart() {}
}
