package io.streampipe.cli.bench;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/** A WebSocket server that, on the subscribe message, sends every pre-built message at once. */
final class IngestFirehose extends WebSocketServer {
  private final List<String> messages;
  private final CountDownLatch started = new CountDownLatch(1);

  IngestFirehose(List<String> messages) {
    super(new InetSocketAddress("127.0.0.1", 0));
    this.messages = messages;
    setReuseAddr(true);
  }

  void startAndWait() throws InterruptedException {
    start();
    started.await();
  }

  String url() {
    return "ws://127.0.0.1:" + getPort() + "/firehose";
  }

  @Override
  public void onMessage(WebSocket conn, String subscribe) {
    for (String message : messages) {
      conn.send(message);
    }
  }

  @Override
  public void onStart() {
    started.countDown();
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {}

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

  @Override
  public void onMessage(WebSocket conn, ByteBuffer message) {}

  @Override
  public void onError(WebSocket conn, Exception ex) {}
}
