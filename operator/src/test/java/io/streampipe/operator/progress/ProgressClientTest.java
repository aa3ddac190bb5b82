package io.streampipe.operator.progress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.streampipe.api.JobContract;
import io.streampipe.api.v1alpha1.PipelineProgress;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operator's progress reader against a real local HTTP server, and against none. */
class ProgressClientTest {
  private static final ProgressClient CLIENT = new ProgressClient(Duration.ofSeconds(10));
  private static final ObjectMapper JSON = new ObjectMapper();
  private HttpServer server;
  private volatile int status = 200;
  private volatile long delayMillis;

  @BeforeEach
  void serve() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        JobContract.PROGRESS_PATH,
        exchange -> {
          sleep(delayMillis);
          PipelineProgress p = new PipelineProgress();
          p.setGeneration(4L);
          p.setLag(120L);
          p.setRead(1_000L);
          p.setDeadLettersByRule(Map.of("type", 3L));
          byte[] body = JSON.writeValueAsBytes(p);
          exchange.sendResponseHeaders(status, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void anAnswerIsTheJobsFigures() {
    ProgressObservation o = CLIENT.read(url());
    assertThat(o.problem()).isEmpty();
    PipelineProgress p = o.progress().orElseThrow();
    assertThat(p.getGeneration()).isEqualTo(4L);
    assertThat(p.getLag()).isEqualTo(120L);
    assertThat(p.getDeadLettersByRule()).containsEntry("type", 3L);
    assertThat(CLIENT.read(url())).as("equal reads are equal: no reconcile").isEqualTo(o);
  }

  @Test
  void anErrorStatusASlowServerAndNoServerAreProblemsNotFigures() throws Exception {
    status = 503;
    assertThat(CLIENT.read(url()).problem()).contains("the progress endpoint answered HTTP 503");

    status = 200;
    delayMillis = 3_000;
    ProgressObservation slow = new ProgressClient(Duration.ofMillis(300)).read(url());
    assertThat(slow.progress()).isEmpty();
    assertThat(slow.problem().orElseThrow()).contains("Timeout");

    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    ProgressObservation none =
        CLIENT.read(URI.create("http://127.0.0.1:" + closed + JobContract.PROGRESS_PATH));
    assertThat(none.progress()).isEmpty();
    assertThat(none.problem().orElseThrow()).contains("ConnectException");
  }

  private URI url() {
    return URI.create(
        "http://127.0.0.1:" + server.getAddress().getPort() + JobContract.PROGRESS_PATH);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
