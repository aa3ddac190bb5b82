package io.streampipe.job.write;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A micro-batch's counts from its tasks' counts. */
class BatchCountsTest {

  @Test
  void theBatchReportsItsMostThrottledWritingTask() {
    assertThat(concurrency(16, 64)).isEqualTo(16);
    assertThat(concurrency(64, 16)).isEqualTo(16);
    assertThat(concurrency(0, 32)).as("a task that wrote nothing knows nothing").isEqualTo(32);
    assertThat(concurrency(32, 0)).isEqualTo(32);
    assertThat(concurrency(0, 0)).isZero();
  }

  private static int concurrency(int first, int second) {
    BatchCounts a = new BatchCounts();
    a.writeConcurrency = first;
    BatchCounts b = new BatchCounts();
    b.writeConcurrency = second;
    return a.plus(b).toStats(0, 1).writeConcurrency();
  }
}
