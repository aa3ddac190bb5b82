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
import io.streampipe.operator.desired.Names;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * spec.suspend and the data-quality budget through the operator on the mock API server, each job's
 * progress served by the cluster's played job. Suspending deletes the SparkApplication (in a
 * cluster the Spark operator then stops the driver, and the job finishes its batch) and keeps every
 * other part; resuming creates it again on the same checkpoint. A burst of dead letters over budget
 * turns DataQuality False with one Event, and with Suspend stops the job until the spec changes.
 * Each job's counts are the test's, reported by the played job at the generation it was rendered
 * for.
 */
@EnableKubernetesMockClient(crud = true)
class SuspendIT {
  static final String NS = "suspend";
  static final String NAME = "users";
  static final Duration WAIT = Duration.ofSeconds(30);
  static KubernetesMockServer server;
  static KubernetesClient client;
  static Operator operator;
  static MockCluster cluster;
  static PlayedJob jobs;

  @BeforeAll
  static void start() throws Exception {
    cluster = new MockCluster(client).loadCrds();
    jobs = cluster.jobs();
    operator = MockPipelines.startOperator(server, cluster, OperatorConfig.defaults());
  }

  @AfterAll
  static void stop() {
    operator.stop();
    jobs.close();
  }

  @Test
  void suspendDeletesOnlyTheJobAndResumeStartsItOnTheSameCheckpoint() {
    jobs.report(NS, NAME, progress(7, 2_000, 120));
    MockPipelines.running(client, cluster, NS, NAME);
    await().atMost(WAIT).until(() -> reason("Progressing").equals("BatchesCompleting"));
    String checkpoint = MockCluster.checkpointLocation(job());

    PipelineEdits.editSpec(client, NS, NAME, s -> s.setSuspend(true));

    await().atMost(WAIT).until(() -> job() == null);
    await().atMost(WAIT).until(() -> reason("Ready").equals("Suspended"));
    assertThat(reason("Suspended")).isEqualTo("SuspendRequested");
    assertThat(reason("JobRunning")).isEqualTo("Suspended");
    assertThat(reason("Progressing")).isEqualTo("Suspended");
    StreamingPipeline suspended = pipeline();
    assertThat(suspended.getStatus().getProgress().getLag())
        .as("the last figures stay, never a zero lag")
        .isEqualTo(120L);
    assertThat(cluster.topics().inNamespace(NS).list().getItems()).hasSize(2);
    assertThat(client.configMaps().inNamespace(NS).withName(Names.configMap(NAME)).get())
        .isNotNull();
    assertThat(
            client
                .persistentVolumeClaims()
                .inNamespace(NS)
                .withName(Names.checkpointClaim(NAME))
                .get())
        .isNotNull();
    assertThat(cluster.podMonitors().inNamespace(NS).withName(NAME).get()).isNotNull();

    PipelineEdits.editSpec(client, NS, NAME, s -> s.setSuspend(false));

    await().atMost(WAIT).until(() -> job() != null);
    assertThat(MockCluster.checkpointLocation(job())).isEqualTo(checkpoint);
    await().atMost(WAIT).until(() -> reason("Suspended").equals("Resumed"));
    cluster.jobState(NS, NAME, "RUNNING");
    // The resubmitted job runs the spec's current generation; Ready waits for it to say so.
    jobs.report(NS, NAME, progress(8, 2_100, 0));
    await().atMost(WAIT).until(() -> reason("Ready").equals("Ready"));
    // Exactly one per transition is SuspendReconcileTest's to prove: here a reconcile that starts
    // before the operator's cache holds its last status write repeats that write's Events (seen
    // for Ready too, before this change), so only which Events appear is asserted.
    assertThat(MockPipelines.eventReasons(client, NS, NAME))
        .contains("Suspended", "Resumed")
        .doesNotContain("NotReady");
  }

  @Test
  void aBurstOverASuspendBudgetSuspendsThePipelineUntilTheSpecChanges() {
    String ns = "budget-suspend";
    String name = "strict";
    runningWithBudget(ns, name, BudgetAction.Suspend);

    jobs.report(ns, name, deadLetters(6, 1_100, 60));

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
        .as("the budget's Event stands for the suspension too")
        .contains("BudgetExceeded", "Resumed")
        .doesNotContain("Suspended");
  }

  @Test
  void aBurstOverAWarnBudgetOnlySaysSo() {
    String ns = "budget-warn";
    String name = "lenient";
    runningWithBudget(ns, name, BudgetAction.Warn);

    jobs.report(ns, name, deadLetters(6, 1_100, 60));
    await().atMost(WAIT).until(() -> reason(ns, name, "DataQuality").equals("BudgetExceeded"));
    assertThat(reason(ns, name, "Ready")).isEqualTo("BudgetExceeded");
    // Still over budget, with other figures: one more reconcile, the job still running.
    jobs.report(ns, name, deadLetters(7, 1_200, 110));
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
        .contains("BudgetExceeded")
        .doesNotContain("Suspended");
  }

  /** The users pipeline with a 5 % budget, Ready, its job's first read a clean baseline. */
  private static void runningWithBudget(String ns, String name, BudgetAction action) {
    jobs.report(ns, name, deadLetters(5, 1_000, 10));
    StreamingPipeline pipeline = TestPipelines.users(ns, name);
    BudgetSpec budget = new BudgetSpec();
    budget.setMaxDeadLetterRatio(0.05);
    budget.setOnExceeded(action);
    pipeline.getSpec().getQuality().setBudget(budget);
    MockPipelines.running(client, cluster, pipeline);
    await().atMost(WAIT).until(() -> reason(ns, name, "DataQuality").equals("WithinBudget"));
  }

  private static PipelineProgress deadLetters(long batch, long read, long dead) {
    PipelineProgress p = progress(batch, read, 0);
    p.setDeadLettered(dead);
    p.setDeadLettersByRule(Map.of("email.pattern", dead));
    return p;
  }

  static PipelineProgress progress(long batch, long read, long lag) {
    PipelineProgress p = new PipelineProgress();
    p.setLastBatchId(batch);
    p.setRead(read);
    p.setWritten(read);
    p.setDeadLettered(0L);
    p.setDeadLettersByRule(Map.of());
    p.setLag(lag);
    return p;
  }

  private static String reason(String type) {
    return reason(NS, NAME, type);
  }

  private static String reason(String ns, String name, String type) {
    return MockPipelines.reason(client, ns, name, type);
  }

  private static StreamingPipeline pipeline() {
    return client.resources(StreamingPipeline.class).inNamespace(NS).withName(NAME).get();
  }

  private static GenericKubernetesResource job() {
    return job(NS, NAME);
  }

  private static GenericKubernetesResource job(String ns, String name) {
    return cluster.sparkApplications().inNamespace(ns).withName(name).get();
  }
}
