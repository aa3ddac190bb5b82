package io.streampipe.job.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The writer's concurrency rule: halve on overload, one more per window of successes. */
class WriteConcurrencyTest {

  @Test
  void startsAtItsMaximumAndHalvesOnOverload() {
    WriteConcurrency concurrency = new WriteConcurrency(256);
    assertThat(concurrency.limit()).isEqualTo(256);
    assertThat(concurrency.overloaded(0, 10)).isTrue();
    assertThat(concurrency.limit()).isEqualTo(128);
  }

  @Test
  void failuresOfWritesSentBeforeACutDoNotCutAgain() {
    WriteConcurrency concurrency = new WriteConcurrency(256);
    concurrency.overloaded(0, 100);
    assertThat(concurrency.overloaded(50, 120)).as("sent before the cut").isFalse();
    assertThat(concurrency.overloaded(99, 130)).as("sent before the cut").isFalse();
    assertThat(concurrency.limit()).isEqualTo(128);
    assertThat(concurrency.overloaded(100, 140)).as("sent at the new limit").isTrue();
    assertThat(concurrency.limit()).isEqualTo(64);
  }

  @Test
  void neverFallsBelowOneRow() {
    WriteConcurrency concurrency = new WriteConcurrency(4);
    for (long t = 0; t < 10; t++) {
      concurrency.overloaded(t * 10, t * 10);
    }
    assertThat(concurrency.limit()).isEqualTo(1);
  }

  @Test
  void growsByOnePerWindowOfLimitRowsAnswered() {
    WriteConcurrency concurrency = new WriteConcurrency(64);
    concurrency.overloaded(0, 0);
    concurrency.overloaded(1, 1);
    assertThat(concurrency.limit()).isEqualTo(16);
    concurrency.succeeded(15);
    assertThat(concurrency.limit()).as("one row short of a window").isEqualTo(16);
    concurrency.succeeded(1);
    assertThat(concurrency.limit()).isEqualTo(17);
    concurrency.succeeded(17 + 18);
    assertThat(concurrency.limit()).as("a large answer may close several windows").isEqualTo(19);
  }

  @Test
  void neverGrowsPastItsMaximum() {
    WriteConcurrency concurrency = new WriteConcurrency(8);
    concurrency.overloaded(0, 0);
    concurrency.succeeded(10_000);
    assertThat(concurrency.limit()).isEqualTo(8);
    concurrency.overloaded(1, 1);
    assertThat(concurrency.limit()).as("a success at the maximum banks nothing").isEqualTo(4);
  }

  @Test
  void aCutForgetsTheSuccessesOfTheWindowBefore() {
    WriteConcurrency concurrency = new WriteConcurrency(32);
    concurrency.overloaded(0, 0);
    concurrency.succeeded(15);
    concurrency.overloaded(1, 1);
    concurrency.succeeded(1);
    assertThat(concurrency.limit()).isEqualTo(8);
  }

  @Test
  void thePipelinesTasksShareOneLimit() {
    WriteConcurrency first = WriteConcurrency.shared("shared-limit-test", 32);
    first.overloaded(0, 0);
    assertThat(WriteConcurrency.shared("shared-limit-test", 32).limit()).isEqualTo(16);
    assertThat(WriteConcurrency.shared("shared-limit-test", 64).limit())
        .as("a new maximum starts afresh")
        .isEqualTo(64);
    assertThat(WriteConcurrency.shared("another-pipeline", 32).limit()).isEqualTo(32);
  }

  @Test
  void refusesAMaximumBelowOne() {
    assertThatThrownBy(() -> new WriteConcurrency(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
