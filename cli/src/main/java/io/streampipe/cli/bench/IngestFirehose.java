package io.streampipe.cli.bench;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.TextFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A WebSocket server that, on the subscribe message, sends every pre-built message at once. The
 * messages are encoded once: send(String) encodes and re-validates the UTF-8 of every frame, which
 * took a third of the ingester's CPU again on the benchmark's shared cores, a cost of the harness
 * that the plain producer does not pay.
 */
final class IngestFirehose extends WebSocketServer {
  private final List<byte[]> messages;
  private final CountDownLatch started = new CountDownLatch(1);

  IngestFirehose(List<String> messages) {
    super(new InetSocketAddress("127.0.0.1", 0));
    this.messages = messages.stream().map(m -> m.getBytes(StandardCharsets.UTF_8)).toList();
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
    for (byte[] message : messages) {
      TextFrame frame = new TextFrame();
      frame.setPayload(ByteBuffer.wrap(message));
      conn.sendFrame(frame);
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
