package io.streampipe.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({"0, 0", "10s, 10", "20m, 1200", "1h30m, 5400", "7d, 604800", "2h0m5s, 7205"})
  void parsesDurationsInSeconds(String text, long seconds) {
    assertThat(Durations.parse(text)).contains(Duration.ofSeconds(seconds));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "20", "m", "-5m", "1.5h", "10 s", "20min", "9999999999d"})
  void refusesWhatIsNotADuration(String text) {
    assertThat(Durations.parse(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"500ms"})
  void keepsMilliseconds(String text) {
    assertThat(Durations.parse(text)).contains(Duration.ofMillis(500));
  }
}
