package io.streampipe.job.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** While no broker answers, the job says where it is waiting and for how long. */
class KafkaWatchTest {

  @Test
  void warnsPeriodicallyWithTheServersAndTheTimeWaited() throws Exception {
    String servers = "127.0.0.1:" + closedPort();
    List<String> warnings = new CopyOnWriteArrayList<>();
    try (KafkaWatch watch = new KafkaWatch(servers, Duration.ofMillis(400), warnings::add)) {
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (warnings.size() < 3 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
    }
    assertThat(warnings).hasSizeGreaterThanOrEqualTo(3);
    assertThat(warnings.get(0)).startsWith("waiting for Kafka at " + servers + ": unreachable for");
    assertThat(warnings.get(warnings.size() - 1)).containsPattern("unreachable for \\d+ s");
  }

  @Test
  void saysOnceWhenKafkaAnswersAgain() {
    KafkaOutage outage = new KafkaOutage("k:9092");

    assertThat(outage.reachable(0)).isEmpty();
    assertThat(outage.unreachable(1_000, "timeout")).contains("unreachable for 0 s (timeout)");
    assertThat(outage.unreachable(21_000, "timeout")).contains("unreachable for 20 s");
    assertThat(outage.reachable(25_000)).contains("Kafka at k:9092 answers again after 24 s");
    assertThat(outage.reachable(26_000)).isEmpty();
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
