package io.streampipe.ingest;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The listener of one connection: whole messages, as UTF-8 bytes, into a bounded queue. Binary
 * frames are taken as the bytes they carry; text, which the JDK has decoded to UTF-16, is encoded
 * once into a reused buffer. Demand is the queue's free room (one more message asked for each one
 * taken off), so a slow topic slows the socket (back-pressure) instead of filling memory, and the
 * listener never blocks.
 */
final class WebSocketFeed implements WebSocket.Listener {
  private static final int QUEUED = 1024;

  private final BlockingQueue<byte[]> messages = new ArrayBlockingQueue<>(QUEUED);
  private final StringBuilder partial = new StringBuilder();
  private final CharsetEncoder encoder =
      StandardCharsets.UTF_8
          .newEncoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
  private ByteBuffer encoded = ByteBuffer.allocate(64 * 1024);
  private byte[] partialBytes = new byte[0];
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
    // A message in one frame, the usual case, is encoded straight from the JDK's buffer.
    CharSequence message = partial.isEmpty() ? data : partial.append(data);
    offer(utf8(message));
    partial.setLength(0);
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
    // The JDK reuses the buffer after this returns: its bytes are copied out now.
    int from = partialBytes.length;
    byte[] message = Arrays.copyOf(partialBytes, from + data.remaining());
    data.get(message, from, data.remaining());
    if (!last) {
      partialBytes = message;
      socket.request(1);
      return null;
    }
    partialBytes = new byte[0];
    offer(message);
    return null;
  }

  private void offer(byte[] message) {
    try {
      messages.put(message);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private byte[] utf8(CharSequence text) {
    CharBuffer chars = text instanceof CharBuffer buffer ? buffer : CharBuffer.wrap(text);
    encoder.reset();
    encoded.clear();
    while (true) {
      CoderResult result = chars.hasRemaining() ? encoder.encode(chars, encoded, true) : null;
      if (result == null || result.isUnderflow()) {
        result = encoder.flush(encoded);
      }
      if (!result.isOverflow()) {
        return Arrays.copyOf(encoded.array(), encoded.position());
      }
      encoded = ByteBuffer.allocate(encoded.capacity() * 2).put(encoded.flip());
    }
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

  byte[] poll(Duration wait) throws InterruptedException {
    byte[] message = messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
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
