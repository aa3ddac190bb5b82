package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.javaoperatorsdk.operator.Operator;
import io.streampipe.api.JobContract;
import io.streampipe.api.v1alpha1.LastChange;
import io.streampipe.api.v1alpha1.PipelineCondition;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Spec updates through the operator's change gate: a checkpoint-breaking change waits for a new
 * reset token with the running job untouched, a refused one is never applied, an in-place one is.
 */
@EnableKubernetesMockClient(crud = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChangeGateIT {
  static KubernetesMockServer server;
  static KubernetesClient client;
  static final String NS = "changes";
  static final String NAME = "users";
  static Operator operator;
  static MockCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = new MockCluster(client).loadCrds(List.of("sparkapplications.sparkoperator.k8s.io"));
    operator = MockPipelines.startOperator(server, cluster, OperatorConfig.defaults());
    StreamingPipeline pipeline = TestPipelines.usersOnServers(NS, NAME);
    client.resource(pipeline).create();
    cluster.jobRuns(NS, NAME);
    await().atMost(Duration.ofSeconds(20)).until(() -> "Ready".equals(ready().getReason()));
  }

  @AfterAll
  static void stop() {
    operator.stop();
  }

  @Test
  @Order(1)
  void aCheckpointBreakingChangeWithoutANewResetTokenLeavesTheJobAsItWas() {
    String document = document();
    String jobVersion = sparkApplication().getMetadata().getResourceVersion();

    edit(s -> s.getSource().getTopic().setName("users_v2"));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "CheckpointResetRequired".equals(ready().getReason()));
    assertThat(ready().getMessage()).contains("source.topic.name", "users_created → users_v2");
    assertThat(lastChange().getChangeClass()).isEqualTo("CHECKPOINT_BREAKING");
    assertThat(lastChange().getAction()).isEqualTo("NotApplied");
    assertThat(document()).isEqualTo(document);
    assertThat(sparkApplication().getMetadata().getResourceVersion()).isEqualTo(jobVersion);
    assertThat(checkpointLocation()).isEqualTo(JobContract.CHECKPOINT_MOUNT_DIR);
    assertThat(pipeline().getStatus().getObservedGeneration())
        .as("the job still runs generation 1")
        .isEqualTo(1L);

    // Held, the running job is still observed, as with an invalid spec.
    cluster.jobState(NS, NAME, "FAILED");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "JobFailed".equals(condition("JobRunning").getReason()));
    assertThat(ready().getReason()).isEqualTo("CheckpointResetRequired");
    cluster.jobState(NS, NAME, "RUNNING");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "BatchesCompleting".equals(condition("Progressing").getReason()));
  }

  @Test
  @Order(2)
  void aNewResetTokenAppliesItOnAFreshCheckpoint() {
    edit(s -> s.getProcessing().getCheckpoint().setResetToken("topic-v2"));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "CheckpointReset".equals(lastChange().getAction()));
    assertThat(lastChange().getMessage()).contains("source.topic.name", "resetToken");
    await().atMost(Duration.ofSeconds(20)).until(() -> document().contains("name: users_v2"));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                (JobContract.CHECKPOINT_MOUNT_DIR + "/reset-topic-v2")
                    .equals(checkpointLocation()));
  }

  @Test
  @Order(3)
  void aRefusedChangeIsNeverApplied() {
    String document = document();

    edit(s -> s.getSchema().field("phone").orElseThrow().setType("bigint"));

    await().atMost(Duration.ofSeconds(20)).until(() -> "ChangeRefused".equals(ready().getReason()));
    assertThat(ready().getMessage()).contains("schema.fields[phone].type", "text → bigint");
    assertThat(lastChange().getChangeClass()).isEqualTo("REFUSED");
    assertThat(document()).isEqualTo(document);

    edit(s -> s.getSchema().field("phone").orElseThrow().setType("text"));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "Withdrawn".equals(lastChange().getAction()));
    assertThat(ready().getReason()).isNotEqualTo("ChangeRefused");
  }

  @Test
  @Order(4)
  void anInPlaceChangeIsApplied() {
    edit(s -> s.getProcessing().setTrigger("30s"));

    await().atMost(Duration.ofSeconds(20)).until(() -> document().contains("trigger: 30s"));
    // The status is patched after the workflow wrote the document.
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "IN_PLACE".equals(lastChange().getChangeClass()));
    assertThat(lastChange().getAction()).isEqualTo("Applied");
    assertThat(checkpointLocation()).endsWith("/reset-topic-v2");
  }

  private static void edit(Consumer<StreamingPipelineSpec> change) {
    PipelineEdits.editSpec(client, NS, NAME, change);
  }

  private static String document() {
    return MockPipelines.document(client, NS, NAME);
  }

  private static GenericKubernetesResource sparkApplication() {
    return cluster.sparkApplications().inNamespace(NS).withName(NAME).get();
  }

  private static String checkpointLocation() {
    return MockCluster.checkpointLocation(sparkApplication());
  }

  private static StreamingPipeline pipeline() {
    return client.resources(StreamingPipeline.class).inNamespace(NS).withName(NAME).get();
  }

  private static LastChange lastChange() {
    LastChange change = pipeline().getStatus().getLastChange();
    return change == null ? new LastChange() : change;
  }

  private static PipelineCondition ready() {
    return condition("Ready");
  }

  private static PipelineCondition condition(String type) {
    return MockPipelines.condition(client, NS, NAME, type).orElseGet(PipelineCondition::new);
  }
}
