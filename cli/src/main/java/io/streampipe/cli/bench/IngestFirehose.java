package io.streampipe.cli.bench;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A WebSocket firehose: on a subscribe, every pre-built message as one frame, text or binary as the
 * subscribe asks, then pongs for pings until the client goes. The frames are encoded once before
 * any run and written 64 KiB at a time, so this server spends next to no CPU per record, as a feed
 * on another machine spends none of the ingester's. (Java-WebSocket, used before, built a String of
 * every frame it wrote for a trace log, on the cores the ingester was measured on.)
 */
final class IngestFirehose implements AutoCloseable {
  static final String SUBSCRIBE_TEXT = "{\"op\":\"subscribe\",\"frames\":\"text\"}";
  static final String SUBSCRIBE_BINARY = "{\"op\":\"subscribe\",\"frames\":\"binary\"}";
  private static final int CHUNK = 64 * 1024;

  private final byte[] textFrames;
  private final byte[] binaryFrames;
  private final LoopbackServer server;

  IngestFirehose(List<byte[]> messages) throws IOException {
    textFrames = WebSocketFrames.encode(messages, WebSocketFrames.TEXT);
    binaryFrames = WebSocketFrames.encode(messages, WebSocketFrames.BINARY);
    server = new LoopbackServer("ws", this::serve);
  }

  String url() {
    return "ws://127.0.0.1:" + server.port() + "/firehose";
  }

  private void serve(Socket socket) {
    try (socket) {
      DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
      OutputStream out = socket.getOutputStream();
      out.write(WebSocketFrames.handshake(in));
      for (var frame = WebSocketFrames.read(in); frame != null; frame = WebSocketFrames.read(in)) {
        if (frame.opcode() == WebSocketFrames.TEXT) {
          String subscribe = new String(frame.payload(), StandardCharsets.UTF_8);
          byte[] frames = SUBSCRIBE_BINARY.equals(subscribe) ? binaryFrames : textFrames;
          Thread writer = new Thread(() -> write(out, frames), SideCpu.SERVER_THREAD + "-ws-write");
          writer.setDaemon(true);
          writer.start();
        } else if (frame.opcode() == WebSocketFrames.PING) {
          send(out, WebSocketFrames.header(WebSocketFrames.PONG, frame.payload().length));
          send(out, frame.payload());
        } else if (frame.opcode() == WebSocketFrames.CLOSE) {
          send(out, WebSocketFrames.header(WebSocketFrames.CLOSE, 0));
          return;
        }
      }
    } catch (IOException e) {
      // The client went away (the ingester aborts its socket when it stops).
    }
  }

  private static void write(OutputStream out, byte[] frames) {
    try {
      for (int from = 0; from < frames.length; from += CHUNK) {
        send(out, frames, from, Math.min(CHUNK, frames.length - from));
      }
    } catch (IOException e) {
      // The client went away.
    }
  }

  // One lock for the frames and the pongs, so a pong never lands inside a frame.
  private static void send(OutputStream out, byte[] bytes, int from, int length)
      throws IOException {
    synchronized (out) {
      out.write(bytes, from, length);
    }
  }

  private static void send(OutputStream out, byte[] bytes) throws IOException {
    send(out, bytes, 0, bytes.length);
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
