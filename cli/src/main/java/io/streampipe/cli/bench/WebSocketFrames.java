package io.streampipe.cli.bench;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** The few parts of RFC 6455 a benchmark firehose needs: the handshake, and frames both ways. */
final class WebSocketFrames {
  static final int TEXT = 0x1;
  static final int BINARY = 0x2;
  static final int CLOSE = 0x8;
  static final int PING = 0x9;
  static final int PONG = 0xA;
  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  /** A frame from the client: its opcode and its unmasked payload. */
  record Frame(int opcode, byte[] payload) {}

  private WebSocketFrames() {}

  /** Every message as one final server frame (unmasked) of {@code opcode}, back to back. */
  static byte[] encode(List<byte[]> messages, int opcode) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] message : messages) {
      byte[] header = header(opcode, message.length);
      out.write(header, 0, header.length);
      out.write(message, 0, message.length);
    }
    return out.toByteArray();
  }

  static byte[] header(int opcode, int length) {
    byte first = (byte) (0x80 | opcode);
    if (length < 126) {
      return new byte[] {first, (byte) length};
    }
    if (length < 65536) {
      return new byte[] {first, 126, (byte) (length >>> 8), (byte) length};
    }
    byte[] header = new byte[10];
    header[0] = first;
    header[1] = 127;
    for (int i = 0; i < 8; i++) {
      header[9 - i] = (byte) ((long) length >>> (8 * i));
    }
    return header;
  }

  /** Reads the client's upgrade request and returns the 101 response that accepts it. */
  static byte[] handshake(InputStream in) throws IOException {
    String key = null;
    for (String line = line(in); !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      if (colon > 0
          && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("sec-websocket-key")) {
        key = line.substring(colon + 1).trim();
      }
    }
    if (key == null) {
      throw new IOException("not a WebSocket upgrade: no Sec-WebSocket-Key");
    }
    return ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Accept: "
            + accept(key)
            + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  static String accept(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1")
              .digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }

  /** The next frame from a client, whose frames are masked; null at the end of the stream. */
  static Frame read(DataInputStream in) throws IOException {
    int first = in.read();
    if (first < 0) {
      return null;
    }
    int second = in.readUnsignedByte();
    long length = second & 0x7F;
    if (length == 126) {
      length = in.readUnsignedShort();
    } else if (length == 127) {
      length = in.readLong();
    }
    if (length > 1 << 20) {
      throw new IOException("a client frame of " + length + " bytes");
    }
    byte[] mask = new byte[4];
    if ((second & 0x80) != 0) {
      in.readFully(mask);
    }
    byte[] payload = new byte[(int) length];
    in.readFully(payload);
    for (int i = 0; i < payload.length; i++) {
      payload[i] ^= mask[i & 3];
    }
    return new Frame(first & 0x0F, payload);
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("the connection ended in the handshake");
      }
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }
}
