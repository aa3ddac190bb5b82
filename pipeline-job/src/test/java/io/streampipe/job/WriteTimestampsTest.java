package io.streampipe.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WriteTimestampsTest {
  @Test
  void aLaterRecordTimestampAlwaysWinsWhateverTheOffsets() {
    long older = WriteTimestamps.of(1_700_000_000_000_000L, 999_999);
    long newer = WriteTimestamps.of(1_700_000_000_001_000L, 0);

    assertThat(newer).isGreaterThan(older);
  }

  @Test
  void withinOneMillisecondTheOffsetOrdersRecords() {
    long first = WriteTimestamps.of(1_700_000_000_000_000L, 41);
    long second = WriteTimestamps.of(1_700_000_000_000_000L, 42);

    assertThat(second).isEqualTo(first + 1);
    assertThat(first).isEqualTo(1_700_000_000_000_041L);
  }

  @Test
  void isTheSameOnEveryReplay() {
    assertThat(WriteTimestamps.of(5_000, 7)).isEqualTo(WriteTimestamps.of(5_000, 7));
  }

  @Test
  void anUnknownTimestampStillGivesAnOffsetOrder() {
    assertThat(WriteTimestamps.of(-1_000, 3)).isEqualTo(3);
  }
}
