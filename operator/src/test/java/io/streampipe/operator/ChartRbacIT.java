package io.streampipe.operator;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The calls the operator makes through pipelines' whole lives, with leader election on, against the
 * chart's one list of grants ({@link OperatorRbac}): none missing, none unused.
 */
@EnableKubernetesMockClient(crud = true)
class ChartRbacIT {
  static KubernetesMockServer server;
  static KubernetesClient client;
  static OperatorFixture operator;

  @BeforeAll
  static void start() throws Exception {
    operator = OperatorFixture.start(server, client, OperatorFixture.leaderElected());
  }

  @AfterAll
  static void stop() {
    operator.close();
  }

  @Test
  void theOperatorCallsExactlyWhatTheChartGrants() throws InterruptedException {
    retainedPipelineLivesAndIsDeleted("rbac", "users");
    String ns = "rbac-delete";
    client.resource(DeletionPolicyIT.ordersWithCredentials(client, ns)).create();
    await()
        .atMost(OperatorFixture.WAIT)
        .until(
            () ->
                operator.cluster.topics().inNamespace(ns).list().getItems().size() == 2
                    && operator.claim(ns, "orders") != null);
    operator.delete(ns, "orders");

    OperatorRbac.assertMatchesChart(server, OperatorFixture.AGENT);
  }

  /**
   * Created; its claim unbound past the grace (so its events are read); Ready; its Kafka's address
   * published; updated; a dependent edited by hand and put back; metrics off; deleted (Retain).
   */
  private static void retainedPipelineLivesAndIsDeleted(String ns, String name) {
    client.resource(PipelineUpdateIT.users(ns, name)).create();
    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> "CheckpointNotBound".equals(operator.reason(ns, name, "CheckpointReady")));
    operator.awaitReady(ns, name);
    PipelineMoves.publishBootstrap(operator, ns, name, "broker-0.events.example:9092");
    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> operator.job(ns, name).toString().contains("broker-0.events.example:9092"));

    PipelineMoves.addCountryAndGrow(operator, ns, name);
    PipelineMoves.editPodMonitorByHand(operator, ns, name);
    PipelineMoves.switchMetricsOff(operator, ns, name);
    operator.delete(ns, name);
  }
}
