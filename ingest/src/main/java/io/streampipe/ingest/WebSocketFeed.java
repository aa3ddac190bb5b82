package io.streampipe.ingest;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The listener of one connection: whole text messages into a small queue. It asks for the next
 * message only once the last one is queued, so a slow topic slows the socket (back-pressure)
 * instead of filling memory.
 */
final class WebSocketFeed implements WebSocket.Listener {
  private static final int QUEUED = 1024;

  private final BlockingQueue<String> messages = new ArrayBlockingQueue<>(QUEUED);
  private final StringBuilder partial = new StringBuilder();
  private volatile long lastPongNanos = System.nanoTime();
  private volatile boolean closed;
  private volatile String closeReason = "";

  @Override
  public void onOpen(WebSocket socket) {
    socket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      try {
        messages.put(partial.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      partial.setLength(0);
    }
    socket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onPong(WebSocket socket, ByteBuffer message) {
    lastPongNanos = System.nanoTime();
    socket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
    closeReason = statusCode + " " + reason;
    closed = true;
    return null;
  }

  @Override
  public void onError(WebSocket socket, Throwable error) {
    closeReason = String.valueOf(error);
    closed = true;
  }

  String poll(Duration wait) throws InterruptedException {
    return messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  boolean isClosed() {
    return closed && messages.isEmpty();
  }

  String closeReason() {
    return closeReason;
  }

  long lastPongNanos() {
    return lastPongNanos;
  }
}
