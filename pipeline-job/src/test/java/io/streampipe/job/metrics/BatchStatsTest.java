package io.streampipe.job.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.job.validate.Rule;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchStatsTest {
  @Test
  void logsOneConciseLine() {
    BatchStats stats = new BatchStats(12, 1000, 975, 5, Map.of(Rule.PATTERN, 20L), 840);

    assertThat(stats.logLine())
        .isEqualTo("batch=12 read=1000 written=975 deduplicated=5 deadLettered=20 durationMs=840");
    assertThat(stats.balanced()).isTrue();
  }

  @Test
  void totalsAddUp() {
    PipelineTotals totals =
        PipelineTotals.ZERO
            .plus(new BatchStats(0, 10, 8, 1, Map.of(Rule.TYPE, 1L), 5))
            .plus(new BatchStats(1, 5, 5, 0, Map.of(), 5));

    assertThat(totals).isEqualTo(new PipelineTotals(2, 15, 13, 1, 1));
  }
}
