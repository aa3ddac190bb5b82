package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.javaoperatorsdk.operator.Operator;
import io.streampipe.api.v1alpha1.PipelineProgress;
import io.streampipe.operator.desired.Names;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * spec.suspend through the operator on the mock API server: suspending deletes the SparkApplication
 * (in a cluster the Spark operator then stops the driver, and the job finishes its batch) and keeps
 * every other part; resuming creates it again on the same checkpoint.
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
  void suspendDeletesOnlyTheJobAndResumeStartsItOnTheSameCheckpoint() {
    jobs.serve(NAME, progress(7, 2_000, 120));
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
    await().atMost(WAIT).until(() -> reason("Ready").equals("Ready"));
    assertThat(MockPipelines.eventReasons(client, NS, NAME))
        .as("one Event per transition")
        .containsOnlyOnce("Suspended", "Resumed")
        .doesNotContain("NotReady");
  }

  static PipelineProgress progress(long batch, long read, long lag) {
    PipelineProgress p = new PipelineProgress();
    p.setGeneration(1L);
    p.setLastBatchId(batch);
    p.setRead(read);
    p.setWritten(read);
    p.setDeadLettered(0L);
    p.setDeadLettersByRule(Map.of());
    p.setLag(lag);
    return p;
  }

  private static String reason(String type) {
    return MockPipelines.reason(client, NS, NAME, type);
  }

  private static StreamingPipeline pipeline() {
    return client.resources(StreamingPipeline.class).inNamespace(NS).withName(NAME).get();
  }

  private static GenericKubernetesResource job() {
    return cluster.sparkApplications().inNamespace(NS).withName(NAME).get();
  }
}
