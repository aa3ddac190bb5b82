package io.streampipe.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void doublesWithJitterUpToTheMaximumAndStartsOverAfterASuccess() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1_000));

    for (long step : new long[] {100, 200, 400, 800, 1_000, 1_000}) {
      assertThat(backoff.next().toMillis()).isBetween(step / 2, step);
    }
    backoff.reset();
    assertThat(backoff.next().toMillis()).isBetween(50L, 100L);
  }
}
