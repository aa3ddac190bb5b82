package io.streampipe.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The chart's dashboard rendered in a JVM whose default charset is ASCII (surefire's
 * non-utf8-default-charset execution), as with no LANG: Helm's output reaches us through helm-java
 * and JNA, and must keep the dashboard's non-ASCII text (its arrows).
 */
class DashboardNonUtf8Test {
  @Test
  void dashboardConfigMapCarriesTheOneDashboardFile() throws Exception {
    ConfigMap dashboard =
        ChartRenderer.single(ChartRenderer.resources("monitoring"), ConfigMap.class);
    String file = Files.readString(DeployPaths.dashboard(), StandardCharsets.UTF_8);

    assertThat(file).contains("→");
    assertThat(dashboard.getMetadata().getNamespace()).isEqualTo("monitoring");
    assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
    assertThat(StrictManifests.YAML.readTree(dashboard.getData().values().iterator().next()))
        .isEqualTo(StrictManifests.YAML.readTree(file));
  }
}
