package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.javaoperatorsdk.operator.Operator;
import io.streampipe.api.v1alpha1.BudgetAction;
import io.streampipe.api.v1alpha1.BudgetSpec;
import io.streampipe.api.v1alpha1.PipelineProgress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The data-quality budget through the operator on the mock API server, the job's progress served by
 * a local HTTP server: a burst of dead letters over budget turns DataQuality False with one Event,
 * and with Suspend the SparkApplication goes until the spec changes.
 */
@EnableKubernetesMockClient(crud = true)
class BudgetIT {
  static final Duration WAIT = Duration.ofSeconds(30);
  static KubernetesMockServer server;
  static KubernetesClient client;
  static Operator operator;
  static MockCluster cluster;
  static ProgressEndpointServer jobs;

  @BeforeAll
  static void start() throws Exception {
    jobs = new ProgressEndpointServer();
    cluster = new MockCluster(client).loadCrds();
    operator = MockPipelines.startOperator(server, jobs);
  }

  @AfterAll
  static void stop() {
    operator.stop();
    jobs.close();
  }

  @Test
  void aBurstOverASuspendBudgetSuspendsThePipelineUntilTheSpecChanges() {
    String ns = "budget-suspend";
    String name = "strict";
    runningWithBudget(ns, name, BudgetAction.Suspend);

    jobs.serve(name, progress(6, 1_100, 60));

    await().atMost(WAIT).until(() -> reason(ns, name, "Suspended").equals("BudgetExceeded"));
    assertThat(job(ns, name)).isNull();
    assertThat(reason(ns, name, "DataQuality")).isEqualTo("BudgetExceeded");
    assertThat(MockPipelines.condition(client, ns, name, "DataQuality").orElseThrow().getMessage())
        .contains("50 of 100 records", "top rules: email.pattern 50", "the job is suspended");
    assertThat(reason(ns, name, "Ready")).isEqualTo("Suspended");

    PipelineEdits.editSpec(
        client, ns, name, s -> s.getQuality().getBudget().setMaxDeadLetterRatio(0.6));

    await().atMost(WAIT).until(() -> job(ns, name) != null);
    await().atMost(WAIT).until(() -> reason(ns, name, "Suspended").equals("Resumed"));
    assertThat(MockPipelines.eventReasons(client, ns, name))
        .as("one Event for the budget exceeded and the suspension")
        .containsOnlyOnce("BudgetExceeded", "Resumed")
        .doesNotContain("Suspended");
  }

  @Test
  void aBurstOverAWarnBudgetOnlySaysSo() {
    String ns = "budget-warn";
    String name = "lenient";
    runningWithBudget(ns, name, BudgetAction.Warn);

    jobs.serve(name, progress(6, 1_100, 60));
    await().atMost(WAIT).until(() -> reason(ns, name, "DataQuality").equals("BudgetExceeded"));
    assertThat(reason(ns, name, "Ready")).isEqualTo("BudgetExceeded");
    // Still over budget, with other figures: one more reconcile, no second Event.
    jobs.serve(name, progress(7, 1_200, 110));
    await()
        .atMost(WAIT)
        .until(
            () ->
                MockPipelines.condition(client, ns, name, "DataQuality")
                    .orElseThrow()
                    .getMessage()
                    .startsWith("100 of 200 records"));

    assertThat(job(ns, name)).as("the job keeps running").isNotNull();
    assertThat(MockPipelines.condition(client, ns, name, "Suspended")).isEmpty();
    assertThat(MockPipelines.eventReasons(client, ns, name))
        .containsOnlyOnce("BudgetExceeded")
        .doesNotContain("Suspended");
  }

  /** The users pipeline with a 5 % budget, Ready, its job's first read a clean baseline. */
  private static void runningWithBudget(String ns, String name, BudgetAction action) {
    jobs.serve(name, progress(5, 1_000, 10));
    StreamingPipeline pipeline = TestPipelines.users(ns, name);
    BudgetSpec budget = new BudgetSpec();
    budget.setMaxDeadLetterRatio(0.05);
    budget.setOnExceeded(action);
    pipeline.getSpec().getQuality().setBudget(budget);
    MockPipelines.running(client, cluster, pipeline);
    await().atMost(WAIT).until(() -> reason(ns, name, "DataQuality").equals("WithinBudget"));
  }

  private static PipelineProgress progress(long batch, long read, long dead) {
    PipelineProgress p = SuspendIT.progress(batch, read, 0);
    p.setDeadLettered(dead);
    p.setDeadLettersByRule(Map.of("email.pattern", dead));
    return p;
  }

  private static String reason(String ns, String name, String type) {
    return MockPipelines.reason(client, ns, name, type);
  }

  private static GenericKubernetesResource job(String ns, String name) {
    return cluster.sparkApplications().inNamespace(ns).withName(name).get();
  }
}
