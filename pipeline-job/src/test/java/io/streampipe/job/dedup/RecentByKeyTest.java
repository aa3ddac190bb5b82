package io.streampipe.job.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentByKeyTest {
  private final List<String> out = new ArrayList<>();
  private final RecentByKey<String> recent = new RecentByKey<>(2, out::add);

  @Test
  void repeatsWithinTheWindowCollapseToTheLatest() {
    recent.offer("a", 5, "a@5");
    recent.offer("a", 9, "a@9");
    recent.offer("a", 7, "a@7");
    recent.flush();

    assertThat(out).containsExactly("a@9");
    assertThat(recent.duplicates()).isEqualTo(2);
  }

  @Test
  void recordsLeaveInFirstSeenOrderOnceTheWindowIsFull() {
    recent.offer("a", 1, "a");
    recent.offer("b", 2, "b");
    assertThat(out).isEmpty();
    recent.offer("c", 3, "c");
    assertThat(out).containsExactly("a");
    recent.flush();

    assertThat(out).containsExactly("a", "b", "c");
  }

  @Test
  void aRepeatBeyondTheWindowIsHandedOnAgain() {
    recent.offer("a", 1, "a@1");
    recent.offer("b", 2, "b");
    recent.offer("c", 3, "c");
    recent.offer("a", 4, "a@4");
    recent.flush();

    assertThat(out).containsExactly("a@1", "b", "c", "a@4");
    assertThat(recent.duplicates()).isZero();
  }
}
