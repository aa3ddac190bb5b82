package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/** The forked operator's JVM options follow the chart's values. */
class ChartJvmTest {
  @Test
  void theChartsLimitsAndJavaOptionsBecomeTheForkedJvmsOptions() throws Exception {
    var values =
        new ObjectMapper(new YAMLFactory())
            .readTree(
                "resources: {limits: {cpu: 1500m, memory: 512Mi}}\n"
                    + "javaOptions: \"-XX:MaxRAMPercentage=75.0  -Dfile.encoding=UTF-8\"\n");
    assertThat(ChartJvm.options(values))
        .containsExactly(
            "-XX:ActiveProcessorCount=2",
            "-XX:MaxRAM=536870912",
            "-XX:MaxRAMPercentage=75.0",
            "-Dfile.encoding=UTF-8");
  }

  @Test
  void quantitiesAreReadAsKubernetesWritesThem() {
    assertThat(ChartJvm.processors("1")).isEqualTo(1);
    assertThat(ChartJvm.processors("100m")).isEqualTo(1);
    assertThat(ChartJvm.bytes("1Gi")).isEqualTo(1L << 30);
    assertThat(ChartJvm.bytes("64Ki")).isEqualTo(65_536L);
    assertThatThrownBy(() -> ChartJvm.bytes("512M")).hasMessageContaining("'512M'");
  }

  @Test
  void theChartItselfGivesALimitedJvm() {
    assertThat(ChartJvm.options())
        .anyMatch(o -> o.startsWith("-XX:ActiveProcessorCount="))
        .anyMatch(o -> o.startsWith("-XX:MaxRAM="))
        .contains("-Dfile.encoding=UTF-8");
  }
}
