package io.streampipe.ingest;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import javax.net.ssl.SSLSocketFactory;

/**
 * One WebSocket client connection (RFC 6455), read on the source's own thread: frames are parsed in
 * one reused buffer, and a message that came in one frame is handed over where it lies, text as the
 * UTF-8 bytes it was sent as. Pings are answered and a close is echoed on the way. Not thread-safe,
 * except {@link #abort}. Why not the JDK's WebSocket: DESIGN.md, "Sources".
 */
final class WebSocketConnection implements AutoCloseable {
  /** A bound against a runaway feed: a larger message ends the connection (close code 1009). */
  static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

  private static final int TEXT = 0x1;
  private static final int BINARY = 0x2;
  private static final int CLOSE = 0x8;
  private static final int PING = 0x9;
  private static final int PONG = 0xA;
  private static final SecureRandom MASKS = new SecureRandom();

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private byte[] buffer = new byte[64 * 1024];
  private int start;
  private int filled;
  private byte[] fragments = new byte[0];
  private int fragmented = -1;
  private int fragmentsLength;
  private long lastHeardNanos = System.nanoTime();
  private boolean closeSent;

  /** A whole message: {@code length} bytes from {@code offset}, valid until the next read. */
  record Message(byte[] bytes, int offset, int length, boolean text) {}

  /** The server closed the connection, with its status code (1005 when it gave none). */
  static final class Closed extends IOException {
    Closed(int code, String reason) {
      super(code + (reason.isEmpty() ? "" : " " + reason));
    }
  }

  private WebSocketConnection(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  /**
   * Connects and upgrades within {@code timeout}; then each {@link #next} waits at most {@code
   * pollTimeout} for a message.
   */
  static WebSocketConnection open(
      URI uri,
      Map<String, String> headers,
      SSLSocketFactory tls,
      Duration timeout,
      Duration pollTimeout)
      throws IOException {
    boolean secure = "wss".equalsIgnoreCase(uri.getScheme());
    Socket socket = Connections.open(uri, secure, tls, (int) timeout.toMillis());
    try {
      WebSocketConnection connection = new WebSocketConnection(socket);
      connection.upgrade(uri, headers, timeout);
      socket.setSoTimeout((int) Math.max(1, pollTimeout.toMillis()));
      return connection;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  private void upgrade(URI uri, Map<String, String> headers, Duration timeout) throws IOException {
    WebSocketHandshake handshake = new WebSocketHandshake();
    out.write(handshake.request(uri, headers));
    out.flush();
    socket.setSoTimeout((int) timeout.toMillis());
    int end;
    while ((end = headEnd()) < 0) {
      if (filled == buffer.length) {
        throw new ProtocolException(uri.getHost() + " sent an upgrade answer over 64 KiB");
      }
      fill();
    }
    handshake.check(new String(buffer, 0, end, StandardCharsets.ISO_8859_1), uri.getHost());
    // What follows the blank line is already the server's first frames.
    start = end + 4;
  }

  private int headEnd() {
    for (int i = 3; i < filled; i++) {
      if (buffer[i] == '\n'
          && buffer[i - 1] == '\r'
          && buffer[i - 2] == '\n'
          && buffer[i - 3] == '\r') {
        return i - 3;
      }
    }
    return -1;
  }

  /**
   * The next whole message, answering control frames on the way; null when none came within the
   * poll timeout. Throws {@link Closed} once the server closed the connection.
   */
  Message next() throws IOException {
    while (true) {
      if (!available(2)) {
        return null;
      }
      int first = buffer[start] & 0xFF;
      int second = buffer[start + 1] & 0xFF;
      int opcode = first & 0x0F;
      boolean fin = (first & 0x80) != 0;
      if ((first & 0x70) != 0 || (second & 0x80) != 0) {
        throw failed(1002, "a frame with reserved bits or a mask, which no server may send");
      }
      int header = 2;
      long length = second & 0x7F;
      if (length == 126) {
        if (!available(4)) {
          return null;
        }
        header = 4;
        length = (buffer[start + 2] & 0xFFL) << 8 | (buffer[start + 3] & 0xFFL);
      } else if (length == 127) {
        if (!available(10)) {
          return null;
        }
        header = 10;
        length = 0;
        for (int i = 2; i < 10; i++) {
          length = length << 8 | (buffer[start + i] & 0xFFL);
        }
      }
      if (length < 0 || length + fragmentsLength > MAX_MESSAGE_BYTES) {
        throw failed(1009, "a message over " + MAX_MESSAGE_BYTES + " bytes");
      }
      if (!available(header + (int) length)) {
        return null;
      }
      int payload = start + header;
      start = payload + (int) length;
      Message message = frame(opcode, fin, payload, (int) length);
      if (message != null) {
        return message;
      }
    }
  }

  /** Handles one whole frame; the message it completes, if any. */
  private Message frame(int opcode, boolean fin, int payload, int length) throws IOException {
    if (opcode >= CLOSE && (!fin || length > 125)) {
      throw failed(1002, "a fragmented or long control frame");
    }
    switch (opcode) {
      case TEXT, BINARY -> {
        if (fragmented >= 0) {
          throw failed(1002, "a new message inside a fragmented one");
        }
        if (fin) {
          return new Message(buffer, payload, length, opcode == TEXT);
        }
        fragmented = opcode;
        append(payload, length);
        return null;
      }
      case 0x0 -> {
        if (fragmented < 0) {
          throw failed(1002, "a continuation frame outside a message");
        }
        append(payload, length);
        if (!fin) {
          return null;
        }
        Message whole = new Message(fragments, 0, fragmentsLength, fragmented == TEXT);
        fragmented = -1;
        fragments = new byte[0];
        fragmentsLength = 0;
        return whole;
      }
      case PING -> {
        send(PONG, Arrays.copyOfRange(buffer, payload, payload + length));
        return null;
      }
      case PONG -> {
        return null;
      }
      case CLOSE -> throw closed(payload, length);
      default -> throw failed(1002, "opcode " + opcode + ", which RFC 6455 does not define");
    }
  }

  private void append(int payload, int length) {
    if (fragmentsLength + length > fragments.length) {
      fragments =
          Arrays.copyOf(fragments, Math.max(fragmentsLength + length, fragments.length * 2));
    }
    System.arraycopy(buffer, payload, fragments, fragmentsLength, length);
    fragmentsLength += length;
  }

  private Closed closed(int payload, int length) throws IOException {
    int code = length >= 2 ? (buffer[payload] & 0xFF) << 8 | (buffer[payload + 1] & 0xFF) : 1005;
    String reason =
        length > 2 ? new String(buffer, payload + 2, length - 2, StandardCharsets.UTF_8) : "";
    // The close is echoed with the server's code, as section 5.5.1 asks.
    sendClose(code == 1005 ? 1000 : code);
    return new Closed(code, reason);
  }

  private ProtocolException failed(int code, String problem) {
    try {
      sendClose(code);
    } catch (IOException e) {
      // The connection is being given up anyway.
    }
    return new ProtocolException("the server sent " + problem);
  }

  /** Whether {@code count} bytes from the frame's start are buffered, reading more if not. */
  private boolean available(int count) throws IOException {
    if (filled - start >= count) {
      return true;
    }
    if (start + count > buffer.length) {
      // Room for the frame: the unread bytes move to the front, and the buffer grows if needed.
      byte[] target = count > buffer.length ? new byte[Math.max(count, buffer.length * 2)] : buffer;
      System.arraycopy(buffer, start, target, 0, filled - start);
      filled -= start;
      start = 0;
      buffer = target;
    }
    try {
      while (filled - start < count) {
        fill();
      }
      return true;
    } catch (SocketTimeoutException e) {
      // What was read stays buffered; the frame is parsed again from its start next time.
      return false;
    }
  }

  private void fill() throws IOException {
    int read = in.read(buffer, filled, buffer.length - filled);
    if (read < 0) {
      throw new EOFException("the server ended the connection without a close frame");
    }
    filled += read;
    lastHeardNanos = System.nanoTime();
  }

  void sendText(String text) throws IOException {
    send(TEXT, text.getBytes(StandardCharsets.UTF_8));
  }

  void ping() throws IOException {
    send(PING, new byte[] {1});
  }

  /** When the server last sent anything: a pong, or any other byte, shows it is there. */
  long lastHeardNanos() {
    return lastHeardNanos;
  }

  private void sendClose(int code) throws IOException {
    if (!closeSent) {
      closeSent = true;
      send(CLOSE, new byte[] {(byte) (code >>> 8), (byte) code});
    }
  }

  /** One final frame, masked as every client frame must be (section 5.3). */
  private void send(int opcode, byte[] payload) throws IOException {
    int length = payload.length;
    int header = length < 126 ? 2 : length < 65536 ? 4 : 10;
    byte[] frame = new byte[header + 4 + length];
    frame[0] = (byte) (0x80 | opcode);
    if (header == 2) {
      frame[1] = (byte) (0x80 | length);
    } else if (header == 4) {
      frame[1] = (byte) (0x80 | 126);
      frame[2] = (byte) (length >>> 8);
      frame[3] = (byte) length;
    } else {
      frame[1] = (byte) (0x80 | 127);
      for (int i = 0; i < 8; i++) {
        frame[2 + i] = (byte) ((long) length >>> (56 - 8 * i));
      }
    }
    byte[] mask = new byte[4];
    MASKS.nextBytes(mask);
    System.arraycopy(mask, 0, frame, header, 4);
    for (int i = 0; i < length; i++) {
      frame[header + 4 + i] = (byte) (payload[i] ^ mask[i & 3]);
    }
    out.write(frame);
    out.flush();
  }

  /** Closes the socket from any thread, waking a read blocked on it. */
  void abort() {
    try {
      socket.close();
    } catch (IOException e) {
      // Nothing left to do with a socket that failed to close.
    }
  }

  /** Says goodbye (close 1000, not waiting for the answer) and closes the socket. */
  @Override
  public void close() {
    try {
      sendClose(1000);
    } catch (IOException e) {
      // The connection is gone already.
    }
    abort();
  }
}
