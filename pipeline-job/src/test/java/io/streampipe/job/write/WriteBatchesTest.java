package io.streampipe.job.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WriteBatchesTest {
  private final List<List<String>> sent = new ArrayList<>();

  private WriteBatches<String, String> batches(int maxRows, int maxBytes) {
    return new WriteBatches<>(new BatchLimits(maxRows, maxBytes), sent::add);
  }

  @Test
  void aBatchLeavesWhenItHasMaxRows() {
    WriteBatches<String, String> batches = batches(3, 1000);
    for (String row : List.of("a", "b", "c", "d")) {
      batches.add("node1", row, 10);
    }
    assertThat(sent).containsExactly(List.of("a", "b", "c"));
    batches.flush();
    assertThat(sent).containsExactly(List.of("a", "b", "c"), List.of("d"));
  }

  @Test
  void aRowThatWouldPassTheByteLimitStartsTheNextBatch() {
    WriteBatches<String, String> batches = batches(10, 100);
    batches.add("node1", "a", 40);
    batches.add("node1", "b", 40);
    batches.add("node1", "c", 40);
    batches.flush();
    assertThat(sent).containsExactly(List.of("a", "b"), List.of("c"));
  }

  @Test
  void rowsOfDifferentOwnersNeverShareABatch() {
    WriteBatches<String, String> batches = batches(2, 1000);
    batches.add("node1", "a", 10);
    batches.add("node2", "b", 10);
    batches.add("node1", "c", 10);
    batches.add("node2", "d", 10);
    assertThat(sent).containsExactly(List.of("a", "c"), List.of("b", "d"));
  }

  @Test
  void rowsWithoutKnownOwnersOrTooBigGoAlone() {
    WriteBatches<String, String> batches = batches(10, 100);
    batches.add("node1", "a", 10);
    batches.add(null, "unrouted", 10);
    batches.add("node1", "huge", 101);
    assertThat(sent).containsExactly(List.of("unrouted"), List.of("huge"));
    batches.flush();
    assertThat(sent).last().isEqualTo(List.of("a"));
  }

  @Test
  void oneRowPerBatchDisablesBatching() {
    WriteBatches<String, String> batches = batches(1, 0);
    batches.add("node1", "a", 10);
    batches.add("node1", "b", 10);
    assertThat(sent).containsExactly(List.of("a"), List.of("b"));
  }

  @Test
  void noBytesAllowedDisablesBatchingAndNegativeLimitsAreRefused() {
    WriteBatches<String, String> batches = batches(10, 0);
    batches.add("node1", "a", 10);
    batches.add("node1", "b", 10);
    assertThat(sent).containsExactly(List.of("a"), List.of("b"));
    assertThat(new BatchLimits(10, 0).batches()).isFalse();
    assertThat(BatchLimits.DEFAULT.batches()).isTrue();
    assertThatThrownBy(() -> new BatchLimits(0, 100)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BatchLimits(10, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void flushSendsNothingTwice() {
    WriteBatches<String, String> batches = batches(2, 1000);
    batches.add("node1", "a", 10);
    batches.add("node1", "b", 10);
    batches.flush();
    batches.flush();
    assertThat(sent).containsExactly(List.of("a", "b"));
  }

  @Test
  void rowBytesCountsCellAndRowOverheadAsCassandraDoes() {
    assertThat(BatchLimits.rowBytes(12, 330)).isEqualTo(16 + 12 * 16 + 330);
    // The reference workload's rows (~540 bytes) fit eight to a batch under the default limit.
    assertThat(BatchLimits.DEFAULT.maxBytes() / BatchLimits.rowBytes(12, 330)).isEqualTo(8);
  }
}
