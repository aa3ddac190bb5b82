package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.javaoperatorsdk.operator.Operator;
import io.streampipe.api.v1alpha1.PipelineCondition;
import io.streampipe.api.v1alpha1.PipelineProgress;
import io.streampipe.operator.desired.Labels;
import io.streampipe.operator.desired.Names;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator reads a job's progress into the status. The driver Service's name resolves nowhere
 * beside a mock API server, so the operator's endpoint resolver points at the cluster's played job,
 * which answers as the job's endpoint does (ProgressEndpointTest and PipelineJobIT test the job's
 * side).
 */
@EnableKubernetesMockClient(crud = true)
class ProgressIT {
  static final String NS = "progress";
  static KubernetesMockServer server;
  static KubernetesClient client;
  static Operator operator;
  static MockCluster cluster;
  static PlayedJob job;

  @BeforeAll
  static void start() throws Exception {
    cluster = new MockCluster(client).loadCrds();
    job = cluster.jobs();
    operator = MockPipelines.startOperator(server, cluster, OperatorConfig.defaults());
  }

  @AfterAll
  static void stop() {
    operator.stop();
    job.close();
  }

  @Test
  void progressIsObservedKeptWhenUnreachableAndObservedThroughAnInvalidUpdate() {
    job.report(NS, "users", progress(4, 1_000, 250));
    MockPipelines.running(client, cluster, NS, "users");

    Service service =
        client.services().inNamespace(NS).withName(Names.driverService("users")).get();
    assertThat(service.getSpec().getSelector()).isEqualTo(Labels.driverSelector("users"));
    await().atMost(Duration.ofSeconds(30)).until(() -> lag().equals(Optional.of(250L)));
    PipelineProgress seen = pipeline().getStatus().getProgress();
    assertThat(seen.getRead()).isEqualTo(1_000L);
    assertThat(seen.getDeadLettersByRule()).containsEntry("type", 7L);
    assertThat(seen.getObservedAt()).isNotBlank();
    assertThat(reason("Progressing")).isEqualTo("BatchesCompleting");

    // An invalid update: the last good job is still observed.
    PipelineEdits.edit(client, NS, "users", p -> ttl(p, "forever"));
    await().atMost(Duration.ofSeconds(30)).until(() -> reason("SpecValid").equals("InvalidSpec"));
    job.report(NS, "users", progress(5, 1_400, 90));
    await().atMost(Duration.ofSeconds(30)).until(() -> lag().equals(Optional.of(90L)));

    // The endpoint goes away: the figures stay, marked as not current, never a zero lag.
    job.silence(NS, "users");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> reason("Progressing").equals("ProgressUnreachable"));
    assertThat(lag()).contains(90L);
    assertThat(condition("Progressing").orElseThrow().getMessage()).contains("not current");
  }

  private static PipelineProgress progress(long batch, long read, long lag) {
    PipelineProgress p = new PipelineProgress();
    p.setLastBatchId(batch);
    p.setLastBatchTime("2026-01-01T00:00:0" + batch + "Z");
    p.setRead(read);
    p.setWritten(read - 7);
    p.setDeadLettered(7L);
    p.setDeadLettersByRule(Map.of("type", 7L));
    p.setLag(lag);
    p.setInputRate(12.5);
    return p;
  }

  private static StreamingPipeline pipeline() {
    return client.resources(StreamingPipeline.class).inNamespace(NS).withName("users").get();
  }

  private static Optional<Long> lag() {
    StreamingPipeline p = pipeline();
    return Optional.ofNullable(p.getStatus())
        .map(s -> s.getProgress())
        .map(PipelineProgress::getLag);
  }

  private static String reason(String type) {
    return MockPipelines.reason(client, NS, "users", type);
  }

  private static Optional<PipelineCondition> condition(String type) {
    return MockPipelines.condition(client, NS, "users", type);
  }

  private static StreamingPipeline ttl(StreamingPipeline p, String ttl) {
    p.getSpec().getSink().getCassandra().setTtl(ttl);
    return p;
  }
}
