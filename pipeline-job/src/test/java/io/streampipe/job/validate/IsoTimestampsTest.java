package io.streampipe.job.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoTimestampsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-03-01T10:15:30Z",
        "2024-03-01T10:15:30.1Z",
        "2024-03-01T10:15:30.123Z",
        "2024-03-01T10:15:30.123456789Z",
        "2024-03-01T10:15:30+01:00",
        "2024-03-01T10:15:30.999-05:30",
        "1969-12-31T23:59:59.999Z",
        "2024-02-29T00:00:00+18:00",
        "2024-03-01T10:15Z",
        "2024-03-01T10:15:30+01:00:15"
      })
  void agreesWithTheJdkOnWhatItAccepts(String text) {
    long expected =
        OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
            .toInstant()
            .toEpochMilli();

    assertThat(IsoTimestamps.parseMillis(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-03-01T10:15:30",
        "2024-03-01 10:15:30Z",
        "2023-02-29T10:15:30Z",
        "2024-13-01T10:15:30Z",
        "2024-03-01T24:00:00Z",
        "2024-03-01T10:60:00Z",
        "2024-03-01T10:15:30.1234567890Z",
        "2024-03-01T10:15:30+18:30",
        "2024-03-01T10:15:30+0100",
        "01/03/2024",
        "2024-03-01"
      })
  void refusesWhatTheJdkRefuses(String text) {
    assertThatThrownBy(() -> IsoTimestamps.parseMillis(text)).isInstanceOf(DateTimeException.class);
  }
}
