package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.EventListBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.streampipe.operator.desired.Labels;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A new pipeline against the mock API server: its parts, in order, owned, then Ready or why not.
 */
class PipelineReadyIT extends OperatorAgainstMockServer {
  @Test
  void aNewPipelineOwnsItsPartsAndBecomesReadyOnceTopicsAndJobAre() {
    String ns = "ready";
    MockCluster cluster = operator.cluster;
    StreamingPipeline created = client.resource(TestPipelines.users(ns, "users")).create();
    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> cluster.topics().inNamespace(ns).list().getItems().size() == 2);
    await().atMost(OperatorFixture.WAIT).until(() -> operator.claim(ns, "users") != null);
    assertOwnedAndLabelled(created, operator.claim(ns, "users"));
    assertThat(operator.configMap(ns, "users")).as("the spec waits for ready topics").isNull();
    cluster
        .topics()
        .inNamespace(ns)
        .list()
        .getItems()
        .forEach(t -> assertOwnedAndLabelled(created, t));
    GenericKubernetesResource input =
        cluster
            .topics()
            .inNamespace(ns)
            .withLabel("streampipe.io/topic-role", "input")
            .list()
            .getItems()
            .get(0);
    assertThat(input.getMetadata().getLabels()).containsEntry(Labels.STRIMZI_CLUSTER, "events");
    assertThat(MockCluster.spec(input))
        .containsEntry("topicName", "users_created")
        .containsEntry("partitions", 3);
    assertThat(operator.cassandra.executed())
        .anyMatch(
            s -> s.startsWith("CREATE TABLE IF NOT EXISTS \"spark_streams\".\"created_users\""));
    assertThat(operator.job(ns, "users")).as("the job waits for ready topics").isNull();

    cluster.topicsReady(ns);
    await().atMost(OperatorFixture.WAIT).until(() -> operator.job(ns, "users") != null);
    assertOwnedAndLabelled(created, operator.configMap(ns, "users"));
    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> cluster.podMonitors().inNamespace(ns).withName("users").get() != null);
    assertOwnedAndLabelled(created, cluster.podMonitors().inNamespace(ns).withName("users").get());
    assertOwnedAndLabelled(created, operator.job(ns, "users"));
    cluster.jobState(ns, "users", "RUNNING");
    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> operator.status(ns, "users", "Ready").equals("True"));
    StreamingPipeline ready = operator.pipeline(ns, "users");
    assertThat(ready.getStatus().getObservedGeneration()).isEqualTo(1L);
    assertThat(ready.getStatus().getTopic()).isEqualTo("users_created");
    assertThat(ready.getStatus().getTable()).isEqualTo("spark_streams.created_users");
    assertThat(ready.getStatus().getJobState()).isEqualTo("RUNNING");
    assertThat(operator.eventReasons(ns, "users")).contains("Ready");
  }

  @Test
  void aCheckpointClaimThatNeverBindsIsNotReadyAndSaysWhy() {
    String ns = "unbound";
    StreamingPipeline pipeline = TestPipelines.users(ns, "stuck");
    pipeline.getSpec().getSink().getCassandra().setTable("stuck");
    client.resource(pipeline).create();
    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> operator.cluster.topics().inNamespace(ns).list().getItems().size() == 2);
    operator.cluster.topicsReady(ns);
    await().atMost(OperatorFixture.WAIT).until(() -> operator.job(ns, "stuck") != null);
    PersistentVolumeClaim claim = operator.claim(ns, "stuck");
    // What a provisioner records when the claim names a class the cluster does not have. The
    // mock cannot select events by involvedObject.name as an API server does: it answers that
    // query as the API server would.
    server
        .expect()
        .get()
        .withPath(
            "/api/v1/namespaces/unbound/events?fieldSelector=involvedObject.name%3Dstuck-checkpoint")
        .andReturn(
            200,
            new EventListBuilder()
                .addNewItem()
                .withNewMetadata()
                .withName("stuck-checkpoint.1")
                .withNamespace(ns)
                .endMetadata()
                .withInvolvedObject(
                    new ObjectReferenceBuilder()
                        .withKind("PersistentVolumeClaim")
                        .withNamespace(ns)
                        .withName("stuck-checkpoint")
                        .withUid(claim.getMetadata().getUid())
                        .build())
                .withType("Warning")
                .withReason("ProvisioningFailed")
                .withMessage("storageclass.storage.k8s.io \"fast\" not found")
                .withLastTimestamp(Instant.now().toString())
                .endItem()
                .build())
        .always();
    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> "CheckpointNotBound".equals(operator.reason(ns, "stuck", "CheckpointReady")));
    // The event may come after the grace ran out: the operator keeps looking while unbound.
    await()
        .atMost(OperatorFixture.WAIT)
        .until(
            () ->
                operator
                    .condition(ns, "stuck", "CheckpointReady")
                    .orElseThrow()
                    .getMessage()
                    .endsWith(
                        ": ProvisioningFailed: storageclass.storage.k8s.io \"fast\" not found"));
    assertThat(operator.condition(ns, "stuck", "CheckpointReady").orElseThrow().getMessage())
        .startsWith("the checkpoint claim is still Pending 1 s after it was created: ");
    assertThat(operator.status(ns, "stuck", "CheckpointReady")).isEqualTo("False");
    assertThat(operator.condition(ns, "stuck", "Ready").orElseThrow().getMessage())
        .contains("CheckpointReady");

    operator.cluster.claimBound(ns, "stuck-checkpoint");
    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> "True".equals(operator.status(ns, "stuck", "CheckpointReady")));
    assertThat(operator.reason(ns, "stuck", "CheckpointReady")).isEqualTo("CheckpointBound");
  }

  private static void assertOwnedAndLabelled(StreamingPipeline owner, HasMetadata resource) {
    assertThat(resource.getMetadata().getOwnerReferences())
        .anySatisfy(o -> assertThat(o.getUid()).isEqualTo(owner.getMetadata().getUid()));
    assertThat(resource.getMetadata().getLabels())
        .containsEntry(Labels.NAME, Labels.APP_NAME)
        .containsEntry(Labels.INSTANCE, owner.getMetadata().getName())
        .containsEntry(Labels.MANAGED_BY, Labels.OPERATOR)
        .containsEntry(Labels.PIPELINE, owner.getMetadata().getName());
  }
}
