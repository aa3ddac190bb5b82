package io.streampipe.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one dashboard and the alerts query only metrics streampipe actually exports. */
class DashboardTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void promQlParserFindsMetricsNotFunctionsOrLabels() {
    assertThat(
            PromQl.metricNames(
                "histogram_quantile(0.95, sum by (le, pipeline) (rate(a_bucket{pipeline=~\"$p\"}"
                    + "[$__rate_interval]))) / on(pipeline) b > 1e-9 and time() - up"))
        .containsExactlyInAnyOrder("a_bucket", "b", "up");
  }

  @Test
  void everyPanelQueryNamesAnExportedMetric() throws Exception {
    JsonNode dashboard = JSON.readTree(DeployPaths.dashboard().toFile());
    Set<String> exported = PromQl.exportedNames();
    List<String> queries = new ArrayList<>();
    dashboard
        .path("panels")
        .forEach(p -> p.path("targets").forEach(t -> queries.add(t.path("expr").asText())));
    dashboard
        .path("templating")
        .path("list")
        .forEach(
            v -> {
              if ("query".equals(v.path("type").asText())) {
                queries.add(
                    v.path("query")
                        .path("query")
                        .asText()
                        .replaceAll("^label_values\\((.*),\\s*\\w+\\)$", "$1"));
              }
            });

    assertThat(queries).hasSizeGreaterThan(8).allSatisfy(q -> assertThat(q).isNotBlank());
    for (String query : queries) {
      assertThat(PromQl.metricNames(query)).as(query).isNotEmpty().isSubsetOf(exported);
    }
  }

  @Test
  void dashboardCoversWhatTheIssueAsks() throws Exception {
    JsonNode dashboard = JSON.readTree(DeployPaths.dashboard().toFile());
    Set<String> queried = new java.util.TreeSet<>();
    dashboard
        .path("panels")
        .forEach(
            p ->
                p.path("targets")
                    .forEach(t -> queried.addAll(PromQl.metricNames(t.path("expr").asText()))));

    assertThat(dashboard.path("uid").asText()).isEqualTo("streampipe-pipeline");
    assertThat(queried)
        .contains(
            "streampipe_input_rate_records_per_second",
            "streampipe_processing_rate_records_per_second",
            "streampipe_records_written_total",
            "streampipe_records_dead_lettered_total",
            "streampipe_batch_duration_seconds_bucket",
            "streampipe_kafka_lag_records");
    dashboard
        .path("panels")
        .forEach(
            p -> assertThat(p.path("datasource").path("uid").asText()).isEqualTo("${datasource}"));
  }

  @Test
  void everyAlertNamesAnExportedMetric() {
    PrometheusRule rule =
        ChartRenderer.single(ChartRenderer.resources("monitoring"), PrometheusRule.class);
    List<Rule> rules =
        rule.getSpec().getGroups().stream().flatMap(g -> g.getRules().stream()).toList();

    assertThat(rules)
        .map(Rule::getAlert)
        .contains("StreampipeJobDown", "StreampipeKafkaLagGrowing", "StreampipeDeadLetterRateHigh");
    for (Rule r : rules) {
      String expr = r.getExpr().getStrVal();
      assertThat(PromQl.metricNames(expr)).as(expr).isNotEmpty().isSubsetOf(PromQl.exportedNames());
    }
  }
}
