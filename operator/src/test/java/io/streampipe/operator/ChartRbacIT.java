package io.streampipe.operator;

import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.Test;

/**
 * The calls the operator makes through pipelines' whole lives, with leader election on, against the
 * chart's one list of grants ({@link OperatorRbac}): none missing, none unused.
 */
class ChartRbacIT extends OperatorAgainstMockServer {
  @Test
  void theOperatorCallsExactlyWhatTheChartGrants() throws InterruptedException {
    retainedPipelineLivesAndIsDeleted("rbac", "users");
    String ns = "rbac-delete";
    DeletionPolicyIT.createOrdersWithCredentials(ns);
    operator.delete(ns, "orders");

    OperatorRbac.assertMatchesChart(server, OperatorFixture.AGENT);
  }

  /**
   * Created; its claim unbound past the grace (so its events are read); Ready; its Kafka's address
   * published; updated; a dependent edited by hand and put back; suspended and resumed; metrics
   * off; deleted (Retain).
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
    PipelineMoves.suspendAndResume(operator, ns, name);
    PipelineMoves.switchMetricsOff(operator, ns, name);
    operator.delete(ns, name);
  }
}
