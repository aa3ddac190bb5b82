package io.streampipe.operator.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.api.v1alpha1.BudgetSpec;
import io.streampipe.operator.quality.DeadLetterWindow.Interval;
import io.streampipe.operator.quality.DeadLetterWindow.Reading;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadLetterWindowTest {
  static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
  static final Duration TEN_MINUTES = Duration.ofMinutes(10);

  @Test
  void theWorkBetweenTwoReadsIsTheirDifferenceRuleByRule() {
    Interval i =
        DeadLetterWindow.between(
            reading(0, 1_000, 10, Map.of("email.pattern", 10L)),
            reading(30, 1_600, 40, Map.of("email.pattern", 25L, "gender.allowedValues", 15L)));

    assertThat(i.read()).isEqualTo(600);
    assertThat(i.deadLettered()).isEqualTo(30);
    assertThat(i.byRule()).isEqualTo(Map.of("email.pattern", 15L, "gender.allowedValues", 15L));
  }

  @Test
  void aCounterGoingDownIsARestartAndCountsWhatTheNewJobDid() {
    Reading before = reading(0, 50_000, 900, Map.of("email.pattern", 900L));

    assertThat(DeadLetterWindow.between(before, reading(30, 120, 6, Map.of("email.pattern", 6L))))
        .extracting(Interval::read, Interval::deadLettered, Interval::byRule)
        .containsExactly(120L, 6L, Map.of("email.pattern", 6L));
    // Only one rule's count fell: still a new job, whose totals are all it did.
    assertThat(
            DeadLetterWindow.between(
                before, reading(30, 50_100, 905, Map.of("email.pattern", 5L, "id.required", 900L))))
        .extracting(Interval::read, Interval::deadLettered)
        .containsExactly(50_100L, 905L);
  }

  @Test
  void onlyIntervalsEndingWithinTheWindowAreTallied() {
    List<Interval> intervals =
        List.of(
            new Interval(T0, 1_000, 500, Map.of("a", 500L)),
            new Interval(T0.plusSeconds(300), 100, 10, Map.of("a", 4L, "b", 6L)),
            new Interval(T0.plusSeconds(600), 100, 0, Map.of()));

    Interval tally = DeadLetterWindow.tally(intervals, TEN_MINUTES, T0.plusSeconds(600));

    assertThat(tally.read()).isEqualTo(200);
    assertThat(tally.deadLettered()).isEqualTo(10);
    assertThat(tally.byRule()).isEqualTo(Map.of("a", 4L, "b", 6L));
  }

  @Test
  void overBudgetNamesTheTopRulesMostFirst() {
    BudgetOutcome outcome =
        BudgetOutcome.of(
            new Interval(T0, 1_000, 120, Map.of("a", 10L, "b", 70L, "c", 30L, "d", 10L)),
            budget(0.05));

    assertThat(outcome.exceeded()).isTrue();
    assertThat(outcome.message())
        .isEqualTo(
            "120 of 1000 records read in the last 10m were dead-lettered (12.0 %, budget 5.0 %);"
                + " top rules: b 70, c 30, a 10");
  }

  @Test
  void atTheBudgetOrWithoutRecordsIsWithin() {
    assertThat(BudgetOutcome.of(new Interval(T0, 100, 5, Map.of("a", 5L)), budget(0.05)).exceeded())
        .isFalse();
    assertThat(BudgetOutcome.of(new Interval(T0, 0, 0, Map.of()), budget(0.0)).message())
        .isEqualTo("no records read in the last 10m (budget 0.0 %)");
    assertThat(BudgetOutcome.of(new Interval(T0, 100, 1, Map.of()), budget(0.0)).exceeded())
        .isTrue();
  }

  @Test
  void theHistoryJudgesFromTheFirstReadOnAndAfterAStopFromZero() {
    BudgetHistory history = new BudgetHistory();

    assertThat(history.record("u", reading(0, 10_000, 100, Map.of()), TEN_MINUTES))
        .as("an operator restart's first read is a baseline")
        .isEmpty();
    assertThat(history.record("u", reading(30, 10_100, 150, Map.of()), TEN_MINUTES))
        .extracting(Interval::read, Interval::deadLettered)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(100L, 50L));
    assertThat(history.record("u", reading(60, 10_100, 150, Map.of()), TEN_MINUTES))
        .as("an unchanged read adds nothing")
        .hasSize(1);

    history.restarted("u", T0.plusSeconds(90));

    assertThat(history.record("u", reading(120, 40, 2, Map.of()), TEN_MINUTES))
        .extracting(Interval::read)
        .containsExactly(40L);
    assertThat(history.intervals("u", TEN_MINUTES, T0.plusSeconds(900))).isEmpty();
    history.forget("u");
    assertThat(history.size()).isZero();
  }

  @Test
  void aLongWindowMergesItsOldestIntervalsInsteadOfGrowing() {
    BudgetHistory history = new BudgetHistory();
    Duration day = Duration.ofDays(1);
    List<Interval> kept = List.of();
    for (int i = 0; i <= 1_000; i++) {
      kept = history.record("u", reading(30L * i, 100L * i, i, Map.of("r", (long) i)), day);
    }

    assertThat(kept).hasSize(BudgetHistory.KEPT);
    Interval tally = DeadLetterWindow.tally(kept, day, T0.plusSeconds(30_000));
    assertThat(tally.read()).as("nothing lost in merging").isEqualTo(100_000);
    assertThat(tally.deadLettered()).isEqualTo(1_000);
    assertThat(tally.byRule()).isEqualTo(Map.of("r", 1_000L));
  }

  static Reading reading(long second, long read, long dead, Map<String, Long> byRule) {
    return new Reading(T0.plusSeconds(second), read, dead, byRule);
  }

  static BudgetSpec budget(double ratio) {
    BudgetSpec budget = new BudgetSpec();
    budget.setMaxDeadLetterRatio(ratio);
    budget.setWindow("10m");
    return budget;
  }
}
