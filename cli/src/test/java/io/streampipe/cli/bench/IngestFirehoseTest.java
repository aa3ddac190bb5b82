package io.streampipe.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The benchmark's firehose speaks RFC 6455 to the JDK's client, an implementation not our own. */
class IngestFirehoseTest {
  private static final List<byte[]> MESSAGES =
      List.of(
          utf8("{\"n\":1,\"s\":\"é\"}"), utf8("{\"n\":2,\"s\":\"" + "x".repeat(70_000) + "\"}"));

  @Test
  void theHandshakeAcceptsTheRfcsSampleKey() {
    assertThat(WebSocketFrames.accept("dGhlIHNhbXBsZSBub25jZQ=="))
        .isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
  }

  @Test
  void lengthsPickTheirHeaderSizeAndMaskedClientFramesAreUnmasked() throws Exception {
    assertThat(WebSocketFrames.header(WebSocketFrames.TEXT, 125)).hasSize(2);
    assertThat(WebSocketFrames.header(WebSocketFrames.TEXT, 126)).hasSize(4);
    assertThat(WebSocketFrames.header(WebSocketFrames.BINARY, 65_536)).hasSize(10);
    byte[] frame = {(byte) 0x89, (byte) 0x82, 1, 2, 3, 4, 'h' ^ 1, 'i' ^ 2};

    var read = WebSocketFrames.read(new DataInputStream(new ByteArrayInputStream(frame)));

    assertThat(read.opcode()).isEqualTo(WebSocketFrames.PING);
    assertThat(new String(read.payload(), StandardCharsets.US_ASCII)).isEqualTo("hi");
  }

  @Test
  void eachSubscribeGetsEveryMessageInItsKindOfFrame() throws Exception {
    try (IngestFirehose firehose = new IngestFirehose(MESSAGES)) {
      assertThat(receive(firehose, IngestFirehose.SUBSCRIBE_BINARY))
          .containsExactly("binary", "binary");
      assertThat(receive(firehose, IngestFirehose.SUBSCRIBE_TEXT)).containsExactly("text", "text");
    }
  }

  /** Subscribes and returns the kind of each whole message, after checking its bytes. */
  private static List<String> receive(IngestFirehose firehose, String subscribe) throws Exception {
    List<String> kinds = new ArrayList<>();
    List<byte[]> received = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(MESSAGES.size());
    StringBuilder text = new StringBuilder();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    WebSocket.Listener listener =
        new WebSocket.Listener() {
          @Override
          public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
              kinds.add("text");
              received.add(utf8(text.toString()));
              text.setLength(0);
              done.countDown();
            }
            socket.request(1);
            return null;
          }

          @Override
          public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
            byte[] part = new byte[data.remaining()];
            data.get(part);
            bytes.writeBytes(part);
            if (last) {
              kinds.add("binary");
              received.add(bytes.toByteArray());
              bytes.reset();
              done.countDown();
            }
            socket.request(1);
            return null;
          }
        };
    WebSocket socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(URI.create(firehose.url()), listener)
            .get(10, TimeUnit.SECONDS);
    socket.sendText(subscribe, true).get(10, TimeUnit.SECONDS);
    assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
    socket.abort();
    assertThat(received).containsExactlyElementsOf(MESSAGES);
    return kinds;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
