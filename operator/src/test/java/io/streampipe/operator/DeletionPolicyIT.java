package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.streampipe.api.v1alpha1.DeletionPolicy;
import io.streampipe.operator.desired.Labels;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A deleted pipeline's deletion policy: Retain keeps data, Delete removes it, within bounds. */
class DeletionPolicyIT extends OperatorAgainstMockServer {
  @Test
  void retainOrphansTopicsAndClaimAndKeepsTheTable() {
    String ns = "retain";
    StreamingPipeline pipeline = TestPipelines.users(ns, "kept");
    pipeline.getSpec().getSink().getCassandra().setTable("kept");
    operator.createReady(pipeline);

    operator.delete(ns, "kept");

    assertThat(operator.cluster.topics().inNamespace(ns).list().getItems())
        .hasSize(2)
        .allSatisfy(t -> assertThat(t.getMetadata().getOwnerReferences()).isEmpty());
    assertThat(operator.claim(ns, "kept").getMetadata().getOwnerReferences()).isEmpty();
    assertThat(operator.cassandra.executed())
        .noneMatch(s -> s.contains("DROP TABLE IF EXISTS \"spark_streams\".\"kept\""));
    assertThat(operator.cassandra.observe("spark_streams", "kept").existing()).isPresent();
  }

  @Test
  void deletePolicyRemovesTopicsClaimAndTable() {
    String ns = "scratch";
    createOrdersWithCredentials(ns);
    assertThat(operator.cluster.topics().inNamespace(ns).withName("orders").get()).isNotNull();

    operator.delete(ns, "orders");

    assertThat(operator.cluster.topics().inNamespace(ns).list().getItems()).isEmpty();
    assertThat(operator.claim(ns, "orders")).isNull();
    assertThat(operator.cassandra.executed())
        .contains("DROP TABLE IF EXISTS \"spark_streams\".\"orders\"");
  }

  @Test
  void aSecondPipelineOnTheSameTopicIsRefusedAndItsDeletionTakesNothing() {
    String ns = "shared";
    createOrdersWithCredentials(ns);
    StreamingPipeline copy = TestPipelines.users(ns, "orders-copy");
    copy.getSpec().getSource().getTopic().setName("orders");
    copy.getSpec().getSink().getCassandra().setTable("orders");
    copy.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
    client.resource(copy).create();

    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> "False".equals(operator.status(ns, "orders-copy", "SpecValid")));
    assertThat(operator.condition(ns, "orders-copy", "SpecValid").orElseThrow().getMessage())
        .contains(
            "spec.source.topic.name: 'orders' belongs to pipeline orders, created first",
            "spec.sink.cassandra.table: 'spark_streams.orders' belongs to pipeline orders");
    String owner =
        client
            .resources(StreamingPipeline.class)
            .inNamespace(ns)
            .withName("orders")
            .get()
            .getMetadata()
            .getUid();
    assertThat(operator.cluster.topics().inNamespace(ns).withName("orders").get())
        .satisfies(
            topic -> {
              assertThat(topic.getMetadata().getLabels()).containsEntry(Labels.PIPELINE, "orders");
              assertThat(topic.getMetadata().getOwnerReferences())
                  .extracting(o -> o.getUid())
                  .containsExactly(owner);
            });

    int statements = operator.cassandra.executed().size();
    operator.delete(ns, "orders-copy");

    assertThat(operator.cluster.topics().inNamespace(ns).list().getItems()).hasSize(2);
    assertThat(
            operator.cassandra.executed().subList(statements, operator.cassandra.executed().size()))
        .as("the table is the first pipeline's")
        .noneMatch(s -> s.contains("DROP TABLE IF EXISTS \"spark_streams\".\"orders\""));
    assertThat(operator.status(ns, "orders", "SpecValid")).isEqualTo("True");
  }

  @Test
  void deletionGivesUpOnAnUnreachableCassandraAfterBoundedAttempts() {
    String ns = "outage";
    StreamingPipeline pipeline = TestPipelines.users(ns, "stranded");
    pipeline.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
    pipeline
        .getSpec()
        .getSink()
        .getCassandra()
        .setContactPoints(List.of(UnreachableCassandra.HOST));
    client.resource(pipeline).create();
    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> "CassandraUnreachable".equals(operator.reason(ns, "stranded", "SchemaReady")));

    operator.delete(ns, "stranded");

    assertThat(operator.down.dropAttempts()).as("bounded attempts, then released").isEqualTo(2);
    assertThat(operator.events(ns, "stranded"))
        .anySatisfy(
            e -> {
              assertThat(e.getType()).isEqualTo("Warning");
              assertThat(e.getReason()).isEqualTo("CassandraUnreachable");
              assertThat(e.getMessage()).contains("not dropped after 2 attempts");
            });
  }

  /**
   * Creates a pipeline under the Delete policy whose Cassandra login is in a Secret, with the
   * Secret, and waits for its topics and claim: its topic is "orders", its table
   * spark_streams.orders.
   */
  static void createOrdersWithCredentials(String ns) {
    StreamingPipeline pipeline = TestPipelines.users(ns, "orders");
    pipeline.getSpec().getSource().getTopic().setName("orders");
    pipeline.getSpec().getSink().getCassandra().setTable("orders");
    pipeline.getSpec().getSink().getCassandra().setCredentialsSecret("cassandra-login");
    pipeline.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
    client
        .secrets()
        .inNamespace(ns)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("cassandra-login")
                .endMetadata()
                .addToStringData(Map.of("username", "streampipe", "password", "secret"))
                .build())
        .create();
    client.resource(pipeline).create();
    await()
        .atMost(OperatorFixture.WAIT)
        .until(
            () ->
                operator.cluster.topics().inNamespace(ns).list().getItems().size() == 2
                    && operator.claim(ns, "orders") != null);
  }
}
