package io.streampipe.api.change;

import static io.streampipe.api.change.ChangeClass.CHECKPOINT_BREAKING;
import static io.streampipe.api.change.ChangeClass.IN_PLACE;
import static io.streampipe.api.change.ChangeClass.REFUSED;
import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.api.Examples;
import io.streampipe.api.PipelineDocument;
import io.streampipe.api.v1alpha1.FieldSpec;
import io.streampipe.api.v1alpha1.HttpIngestSpec;
import io.streampipe.api.v1alpha1.IngestSpec;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import io.streampipe.api.validation.ValidPipeline;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChangeClassifierTest {

  /** One change to the reference pipeline, the rule it falls under and the class expected. */
  record Row(String rule, ChangeClass expected, Consumer<StreamingPipelineSpec> change) {
    @Override
    public String toString() {
      return rule + " → " + expected;
    }
  }

  static Stream<Row> rows() {
    return Stream.of(
        new Row("source.topic.name", CHECKPOINT_BREAKING, s -> topic(s).setName("users_v2")),
        new Row(
            "source.startingOffsets",
            CHECKPOINT_BREAKING,
            s -> source(s).setStartingOffsets("latest")),
        new Row("source.kafkaCluster", CHECKPOINT_BREAKING, ChangeClassifierTest::strimzi),
        new Row(
            ChangeRules.RESET_TOKEN, CHECKPOINT_BREAKING, s -> checkpoint(s).setResetToken("r1")),
        new Row(
            "schema.primaryKey",
            REFUSED,
            s -> s.getSchema().getPrimaryKey().setClusteringColumns(List.of("email"))),
        new Row("schema.fields[].type", REFUSED, s -> field(s, "phone").setType("bigint")),
        new Row(
            ChangeRules.FIELD_NAME,
            REFUSED,
            s -> s.getSchema().getFields().remove(field(s, "phone"))),
        new Row(
            "sink.cassandra.keyspace.name",
            REFUSED,
            s -> cassandra(s).getKeyspace().setName("other")),
        new Row("sink.cassandra.table", REFUSED, s -> cassandra(s).setTable("other")),
        new Row(
            "processing.checkpoint.storageClass",
            REFUSED,
            s -> checkpoint(s).setStorageClass("fast")),
        new Row("source.topic.partitions", IN_PLACE, s -> topic(s).setPartitions(6)),
        new Row("source.topic.partitions", REFUSED, s -> topic(s).setPartitions(2)),
        new Row(
            "quality.deadLetter.topic.partitions",
            IN_PLACE,
            s -> deadLetterTopic(s).setPartitions(6)),
        new Row(
            "quality.deadLetter.topic.partitions",
            REFUSED,
            s -> deadLetterTopic(s).setPartitions(1)),
        new Row(
            "source.bootstrapServers", IN_PLACE, s -> source(s).setBootstrapServers("kafka:9092")),
        new Row(
            "sink.cassandra.contactPoints",
            IN_PLACE,
            s -> cassandra(s).setContactPoints(List.of("db:9042"))),
        new Row(
            "sink.cassandra.localDatacenter",
            IN_PLACE,
            s -> cassandra(s).setLocalDatacenter("dc2")),
        new Row("source.topic.replicas", IN_PLACE, s -> topic(s).setReplicas(3)),
        new Row("source.topic.retention", IN_PLACE, s -> topic(s).setRetention("1d")),
        new Row(
            "source.topic.config",
            IN_PLACE,
            s -> topic(s).setConfig(Map.of("max.message.bytes", "2000000"))),
        new Row(
            "quality.deadLetter.topic.replicas", IN_PLACE, s -> deadLetterTopic(s).setReplicas(3)),
        new Row(
            "quality.deadLetter.topic.retention",
            IN_PLACE,
            s -> deadLetterTopic(s).setRetention("30d")),
        new Row(
            "quality.deadLetter.topic.config",
            IN_PLACE,
            s -> deadLetterTopic(s).setConfig(Map.of("cleanup.policy", "compact"))),
        new Row("ingest", IN_PLACE, ChangeClassifierTest::ingest),
        new Row("schema.fields[].required", IN_PLACE, s -> field(s, "phone").setRequired(true)),
        new Row("schema.fields[].rules", IN_PLACE, s -> field(s, "email").setRules(null)),
        new Row(
            "schema.fields[]",
            IN_PLACE,
            s -> s.getSchema().getFields().add(new FieldSpec("nickname", "text", false))),
        new Row(
            "quality.deadLetter.enabled",
            IN_PLACE,
            s -> s.getQuality().getDeadLetter().setEnabled(false)),
        new Row(
            "quality.deadLetter.topic.name",
            IN_PLACE,
            s -> deadLetterTopic(s).setName("users.bad")),
        new Row(
            "quality.dedupKeys",
            IN_PLACE,
            s -> s.getQuality().setDedupKeys(List.of("id", "email"))),
        new Row("sink.cassandra.ttl", IN_PLACE, s -> cassandra(s).setTtl("1h")),
        new Row(
            "sink.cassandra.keyspace.replication",
            IN_PLACE,
            s -> cassandra(s).getKeyspace().getReplication().setReplicationFactor(3)),
        new Row(
            "source.maxOffsetsPerTrigger", IN_PLACE, s -> source(s).setMaxOffsetsPerTrigger(5L)),
        new Row("source.registry", IN_PLACE, s -> source(s).setRegistry(registry())),
        new Row(
            "source.format",
            CHECKPOINT_BREAKING,
            s -> {
              source(s).setFormat("avro");
              source(s).setRegistry(registry());
            }),
        new Row(
            "sink.cassandra.credentialsSecret",
            IN_PLACE,
            s -> cassandra(s).setCredentialsSecret("cass")),
        new Row("sink.cassandra.writeBatch", IN_PLACE, ChangeClassifierTest::writeBatch),
        new Row(
            "sink.cassandra.writeRetryTimeout",
            IN_PLACE,
            s -> cassandra(s).setWriteRetryTimeout("5m")),
        new Row("processing.trigger", IN_PLACE, s -> s.getProcessing().setTrigger("30s")),
        new Row("processing.driver", IN_PLACE, s -> s.getProcessing().getDriver().setMemory("2g")),
        new Row(
            "processing.executor", IN_PLACE, s -> s.getProcessing().getExecutor().setInstances(3)),
        new Row("processing.image", IN_PLACE, s -> s.getProcessing().setImage("job:2")),
        new Row("monitoring", IN_PLACE, s -> s.getMonitoring().getPrometheus().setPort(9500)),
        new Row("processing.checkpoint.size", IN_PLACE, s -> checkpoint(s).setSize("2Gi")),
        new Row(
            "deletionPolicy",
            IN_PLACE,
            s -> s.setDeletionPolicy(io.streampipe.api.v1alpha1.DeletionPolicy.Delete)),
        new Row("suspend", IN_PLACE, s -> s.setSuspend(true)),
        new Row(
            "quality.budget",
            IN_PLACE,
            s -> s.getQuality().setBudget(Examples.budget(0.05, null))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void eachChangeHasItsClass(Row row) {
    StreamingPipelineSpec changed = Examples.usersSpec();
    row.change().accept(changed);

    ChangeReport report = ChangeClassifier.classify(valid(Examples.usersSpec()), valid(changed));

    assertThat(report.changeClass()).isEqualTo(row.expected());
    // A derived value may change with it (the dead-letter topic's name follows the input's).
    assertThat(report.changes())
        .map(c -> c.path().replaceAll("\\[[^]]+]", "[]"))
        .anyMatch(p -> p.startsWith(row.rule()) || row.rule().startsWith(p));
  }

  @Test
  void theRowsCoverEveryRule() {
    assertThat(rows().map(Row::rule)).containsAll(ChangeRules.paths());
  }

  @Test
  void anUnchangedPipelineIsNoChangeEvenWithDefaultsWrittenOut() {
    StreamingPipelineSpec implicit = Examples.usersSpec();
    implicit.setDeletionPolicy(null);
    implicit.getProcessing().setTrigger(null);

    ChangeReport report = ChangeClassifier.classify(valid(Examples.usersSpec()), valid(implicit));

    assertThat(report.changeClass()).isEqualTo(ChangeClass.NONE);
    assertThat(report.applicable()).isTrue();
  }

  @Test
  void aCheckpointBreakingChangeIsApplicableOnlyWithANewResetToken() {
    StreamingPipelineSpec renamed = Examples.usersSpec();
    topic(renamed).setName("users_v2");
    StreamingPipelineSpec renamedAndReset = Examples.usersSpec();
    topic(renamedAndReset).setName("users_v2");
    checkpoint(renamedAndReset).setResetToken("move-to-v2");

    ValidPipeline before = valid(Examples.usersSpec());
    assertThat(ChangeClassifier.classify(before, valid(renamed)).applicable()).isFalse();
    assertThat(ChangeClassifier.classify(before, valid(renamedAndReset)).applicable()).isTrue();
  }

  @Test
  void aRefusedChangeIsNotApplicableEvenWithAResetToken() {
    StreamingPipelineSpec changed = Examples.usersSpec();
    field(changed, "phone").setType("int");
    checkpoint(changed).setResetToken("r2");

    ChangeReport report = ChangeClassifier.classify(valid(Examples.usersSpec()), valid(changed));

    assertThat(report.changeClass()).isEqualTo(REFUSED);
    assertThat(report.applicable()).isFalse();
    assertThat(report.describe(REFUSED)).contains("schema.fields[phone].type", "text → int");
  }

  static ValidPipeline valid(StreamingPipelineSpec spec) {
    return ValidPipeline.of(new PipelineDocument("users", null, spec));
  }

  private static io.streampipe.api.v1alpha1.SourceSpec source(StreamingPipelineSpec s) {
    return s.getSource();
  }

  private static io.streampipe.api.v1alpha1.TopicSpec topic(StreamingPipelineSpec s) {
    return s.getSource().getTopic();
  }

  private static io.streampipe.api.v1alpha1.TopicSpec deadLetterTopic(StreamingPipelineSpec s) {
    io.streampipe.api.v1alpha1.TopicSpec topic = new io.streampipe.api.v1alpha1.TopicSpec();
    topic.setName("users_created.dlq");
    topic.setPartitions(3);
    if (s.getQuality().getDeadLetter().getTopic() == null) {
      s.getQuality().getDeadLetter().setTopic(topic);
    }
    return s.getQuality().getDeadLetter().getTopic();
  }

  private static io.streampipe.api.v1alpha1.CassandraSinkSpec cassandra(StreamingPipelineSpec s) {
    return s.getSink().getCassandra();
  }

  private static io.streampipe.api.v1alpha1.CheckpointSpec checkpoint(StreamingPipelineSpec s) {
    return s.getProcessing().getCheckpoint();
  }

  private static FieldSpec field(StreamingPipelineSpec s, String name) {
    return s.getSchema().field(name).orElseThrow();
  }

  private static void strimzi(StreamingPipelineSpec s) {
    s.getSource().setBootstrapServers(null);
    s.getSource().setKafkaCluster("events");
  }

  private static void writeBatch(StreamingPipelineSpec s) {
    io.streampipe.api.v1alpha1.WriteBatchSpec batch =
        new io.streampipe.api.v1alpha1.WriteBatchSpec();
    batch.setMaxRows(50);
    cassandra(s).setWriteBatch(batch);
  }

  private static void ingest(StreamingPipelineSpec s) {
    HttpIngestSpec http = new HttpIngestSpec();
    http.setUrl("https://api.example.com/users");
    IngestSpec ingest = new IngestSpec();
    ingest.setHttp(http);
    s.setIngest(ingest);
  }

  private static io.streampipe.api.v1alpha1.RegistrySpec registry() {
    var registry = new io.streampipe.api.v1alpha1.RegistrySpec();
    registry.setUrl("http://registry:8080/apis/ccompat/v6");
    return registry;
  }
}
