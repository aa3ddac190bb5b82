package io.streampipe.job.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatestByKeyTest {
  @Test
  void keepsTheHighestOffsetWhateverTheArrivalOrder() {
    LatestByKey<String> latest = new LatestByKey<>();
    latest.offer("a", 0, 5, "a@5");
    latest.offer("a", 0, 9, "a@9");
    latest.offer("a", 0, 7, "a@7");
    latest.offer("b", 1, 3, "b@3");

    assertThat(items(latest)).containsExactlyInAnyOrder("a@9", "b@3");
    assertThat(latest.duplicates()).isEqualTo(2);
    assertThat(latest.size()).isEqualTo(2);
  }

  @Test
  void breaksOffsetTiesAcrossPartitionsByPartition() {
    LatestByKey<String> forward = new LatestByKey<>();
    forward.offer("k", 0, 4, "p0");
    forward.offer("k", 1, 4, "p1");
    LatestByKey<String> backward = new LatestByKey<>();
    backward.offer("k", 1, 4, "p1");
    backward.offer("k", 0, 4, "p0");

    assertThat(items(forward)).containsExactly("p1");
    assertThat(items(backward)).containsExactly("p1");
  }

  private static List<String> items(LatestByKey<String> latest) {
    List<String> items = new ArrayList<>();
    latest.items().forEach(items::add);
    return items;
  }
}
