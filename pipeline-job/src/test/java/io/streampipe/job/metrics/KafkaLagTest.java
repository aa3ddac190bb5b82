package io.streampipe.job.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KafkaLagTest {
  @Test
  void sumsWhatIsLeftOverPartitions() {
    assertThat(KafkaLag.of("{\"t\":{\"0\":10,\"1\":40}}", "{\"t\":{\"0\":15,\"1\":40}}"))
        .hasValue(5);
    assertThat(KafkaLag.of("{\"t\":{\"0\":10}}", "{\"t\":{\"0\":15,\"1\":7}}")).hasValue(12);
  }

  @Test
  void isUnknownWithoutOffsets() {
    assertThat(KafkaLag.of(null, "{}")).isEmpty();
    assertThat(KafkaLag.of("{", "{}")).isEmpty();
  }
}
