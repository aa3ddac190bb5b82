package io.streampipe.operator.quality;

import io.streampipe.api.v1alpha1.PipelineProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records read and dead-lettered over a window, from the deltas between the job's progress reads;
 * pure. The job counts from its start, so a counter lower than the read before means it restarted.
 */
public final class DeadLetterWindow {
  private DeadLetterWindow() {}

  /**
   * One progress read: the job's totals since it started, as the operator saw them.
   *
   * @param at when the operator read them (the job's clock is not trusted)
   */
  public record Reading(Instant at, long read, long deadLettered, Map<String, Long> byRule) {
    public Reading {
      byRule = Map.copyOf(byRule);
    }

    public static Reading of(PipelineProgress p, Instant at) {
      return new Reading(
          at,
          orZero(p.getRead()),
          orZero(p.getDeadLettered()),
          p.getDeadLettersByRule() == null ? Map.of() : p.getDeadLettersByRule());
    }

    /** What a job that has just started has counted: nothing. */
    public static Reading start(Instant at) {
      return new Reading(at, 0, 0, Map.of());
    }

    boolean sameCounts(Reading other) {
      return read == other.read
          && deadLettered == other.deadLettered
          && byRule.equals(other.byRule);
    }
  }

  /** What the job did between two reads, ending at {@code end}. */
  public record Interval(Instant end, long read, long deadLettered, Map<String, Long> byRule) {
    public Interval {
      byRule = Map.copyOf(byRule);
    }

    /** This interval followed by a later one, as one. */
    Interval then(Interval later) {
      Map<String, Long> rules = new HashMap<>(byRule);
      later.byRule.forEach((rule, n) -> rules.merge(rule, n, Long::sum));
      return new Interval(
          later.end, read + later.read, deadLettered + later.deadLettered, Map.copyOf(rules));
    }
  }

  /** The job's work between two reads; after a restart, all it counted since. */
  public static Interval between(Reading before, Reading after) {
    boolean restarted =
        after.read() < before.read()
            || after.deadLettered() < before.deadLettered()
            || before.byRule().entrySet().stream()
                .anyMatch(e -> after.byRule().getOrDefault(e.getKey(), 0L) < e.getValue());
    if (restarted) {
      return new Interval(after.at(), after.read(), after.deadLettered(), after.byRule());
    }
    Map<String, Long> rules = new HashMap<>();
    after
        .byRule()
        .forEach(
            (rule, n) -> {
              long delta = n - before.byRule().getOrDefault(rule, 0L);
              if (delta > 0) {
                rules.put(rule, delta);
              }
            });
    return new Interval(
        after.at(),
        after.read() - before.read(),
        after.deadLettered() - before.deadLettered(),
        rules);
  }

  /** Whether an interval ended within the window before {@code now}. */
  static boolean within(Interval interval, Duration window, Instant now) {
    return interval.end().isAfter(now.minus(window));
  }

  /** The work of the intervals that ended within the window before {@code now}, as one. */
  public static Interval tally(List<Interval> intervals, Duration window, Instant now) {
    Interval sum = new Interval(now, 0, 0, Map.of());
    for (Interval interval : intervals) {
      if (within(interval, window, now)) {
        sum =
            sum.then(
                new Interval(now, interval.read(), interval.deadLettered(), interval.byRule()));
      }
    }
    return sum;
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }
}
