package io.streampipe.job.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.streampipe.job.validate.Rule;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobMetricsTest {
  @Test
  void exposesTheContractNamesLabelledByPipeline() throws Exception {
    JobMetrics metrics = new JobMetrics("users");
    metrics.recordBatch(
        new BatchStats(3, 100, 90, 4, Map.of(Rule.PATTERN, 5L, Rule.TYPE, 1L), 840),
        1_700_000_000_000L);
    metrics.recordRates(120.5, Double.NaN);
    metrics.recordLag(17);

    String text = scrape(metrics);

    assertThat(text)
        .contains(JobMetrics.RECORDS_READ + "{pipeline=\"users\"} 100.0")
        .contains(JobMetrics.RECORDS_WRITTEN + "{pipeline=\"users\"} 90.0")
        .contains(JobMetrics.RECORDS_DEDUPLICATED + "{pipeline=\"users\"} 4.0")
        .contains(JobMetrics.RECORDS_DEAD_LETTERED + "{pipeline=\"users\",rule=\"pattern\"} 5.0")
        .contains(JobMetrics.RECORDS_DEAD_LETTERED + "{pipeline=\"users\",rule=\"max\"} 0.0")
        .contains(JobMetrics.BATCH_DURATION + "_count{pipeline=\"users\"} 1")
        .contains(JobMetrics.INPUT_RATE + "{pipeline=\"users\"} 120.5")
        .contains(JobMetrics.PROCESSING_RATE + "{pipeline=\"users\"} 0.0")
        .contains(JobMetrics.KAFKA_LAG + "{pipeline=\"users\"} 17.0")
        .contains(JobMetrics.LAST_BATCH_TIMESTAMP + "{pipeline=\"users\"} 1.7E9");
  }

  static String scrape(JobMetrics metrics) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new PrometheusTextFormatWriter(false).write(out, metrics.registry().scrape());
    return out.toString(StandardCharsets.UTF_8);
  }
}
