package io.streampipe.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's arithmetic and its final table; the measuring itself runs only on demand. */
class BenchCommandTest {
  @Test
  void medianOfOddAndEvenCounts() {
    assertThat(Stats.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
    assertThat(Stats.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
    assertThatThrownBy(() -> Stats.median(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nearestRankPercentilesAreObservedValues() {
    long[] latencies = new long[100];
    for (int i = 0; i < 100; i++) {
      latencies[i] = 100 - i;
    }
    assertThat(Stats.percentile(latencies, 50)).isEqualTo(50);
    assertThat(Stats.percentile(latencies, 99)).isEqualTo(99);
    assertThat(Stats.percentile(latencies, 100)).isEqualTo(100);
    assertThat(Stats.percentile(new long[] {7}, 99)).isEqualTo(7);
    assertThat(Stats.percentile(new long[] {10, 20, 30}, 50)).isEqualTo(20);
  }

  @Test
  void ratiosAndRates() {
    assertThat(Stats.ratio(40_000, 50_000)).isEqualTo(0.8);
    assertThat(Stats.ratio(1, 0)).isNaN();
    assertThat(Stats.perSecond(50_000, 2_000_000_000L)).isEqualTo(25_000);
  }

  @Test
  void theTableShowsMediansRatiosTheConnectorAndLatencyAgainstTheTarget() {
    BenchReport report = new BenchReport();
    report.add(new BenchReport.Pair(50_000, 55_000, 30_000, 42_000, 1.1, "ok", List.of("cpu")));
    report.add(new BenchReport.Pair(52_000, 50_000, 28_000, 40_000, 1.2, "ok", List.of("cpu")));
    report.add(new BenchReport.Pair(48_000, 51_250, 32_000, 41_000, 1.0, "ok", List.of("cpu")));
    report.latency(
        new LatencyRun.Result(List.of(9_000L, 10_200L, 10_900L), 0, Duration.ofSeconds(10), 20_500),
        1.3);
    StringWriter text = new StringWriter();
    report.print(new PrintWriter(text, true));

    assertThat(text.toString())
        .contains("median")
        .contains(
            "50,000      51,250      30,000      41,000    0.82      0.80      0.73      0.59")
        .contains("target job/raw >= 0.80: met")
        .contains("p50 10,200 ms   p99 10,900 ms")
        .contains("target p99 <= 11,000 ms: met");
  }
}
