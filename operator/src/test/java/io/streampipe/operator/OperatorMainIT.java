package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** OperatorMain as a cluster runs it: probes and metrics on the management port, then shutdown. */
@EnableKubernetesMockClient(crud = true)
class OperatorMainIT {
  static KubernetesClient client;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void servesProbesAndMeaningfulMetricsThenStopsServing() throws Exception {
    new MockCluster(client).loadCrds();
    OperatorMain running =
        OperatorMain.start(
            Map.of("STREAMPIPE_MANAGEMENT_PORT", "0", "STREAMPIPE_WATCH_NAMESPACES", "main"),
            client,
            MockApiServerMain.inMemory(Map.of()));
    int port = running.managementPort();
    try {
      assertThat(get(port, "/startupz").statusCode()).isEqualTo(200);
      assertThat(get(port, "/livez").statusCode()).isEqualTo(200);
      await().atMost(Duration.ofSeconds(10)).until(() -> get(port, "/readyz").statusCode() == 200);

      client.resource(TestPipelines.users("main", "metered")).create();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> reconciles(get(port, "/metrics").body()) >= 1);
      HttpResponse<String> metrics = get(port, "/metrics");
      assertThat(metrics.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
      assertThat(metrics.body())
          .contains("operator_sdk_reconciliations_started_total")
          .contains("jvm_memory_used_bytes")
          .contains("streampipe_progress_observe_seconds{quantile=\"0.99\"}");
      assertThat(get(port, "/nothing-here").statusCode()).isEqualTo(404);
    } finally {
      running.close();
    }
    assertThat(refused(port)).as("probes stop with the operator").isTrue();
  }

  private static double reconciles(String metrics) {
    return metrics
        .lines()
        .filter(l -> l.startsWith("operator_sdk_reconciliations_started_total{"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  private static HttpResponse<String> get(int port, String path)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static boolean refused(int port) throws InterruptedException {
    try {
      get(port, "/livez");
      return false;
    } catch (ConnectException e) {
      return true;
    } catch (IOException e) {
      return true;
    }
  }
}
