package io.streampipe.ingest;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The listener of one connection: whole text messages into a bounded queue. Demand is the queue's
 * free room (one more message asked for each one taken off), so a slow topic slows the socket
 * (back-pressure) instead of filling memory, and the listener never blocks.
 */
final class WebSocketFeed implements WebSocket.Listener {
  private static final int QUEUED = 1024;

  private final BlockingQueue<String> messages = new ArrayBlockingQueue<>(QUEUED);
  private final StringBuilder partial = new StringBuilder();
  private volatile long lastPongNanos = System.nanoTime();
  private volatile boolean closed;
  private volatile String closeReason = "";

  private volatile WebSocket socket;

  @Override
  public void onOpen(WebSocket socket) {
    this.socket = socket;
    // A queue's worth of demand up front; each message taken off the queue asks for one more.
    socket.request(QUEUED);
  }

  @Override
  public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
    if (!last) {
      partial.append(data);
      socket.request(1);
      return null;
    }
    // A message in one frame, the usual case, is copied once, not into the builder and out again.
    String message = partial.isEmpty() ? data.toString() : partial.append(data).toString();
    partial.setLength(0);
    try {
      messages.put(message);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
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
    String message = messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    if (message != null) {
      socket.request(1);
    }
    return message;
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
