package io.streampipe.api.change;

import static io.streampipe.api.change.ChangeClass.CHECKPOINT_BREAKING;
import static io.streampipe.api.change.ChangeClass.IN_PLACE;
import static io.streampipe.api.change.ChangeClass.REFUSED;

import io.streampipe.api.Examples;
import io.streampipe.api.v1alpha1.FieldSpec;
import io.streampipe.api.v1alpha1.HttpIngestSpec;
import io.streampipe.api.v1alpha1.IngestSpec;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One change to the reference pipeline per rule of {@link ChangeRules}, with the class expected:
 * the table {@code ChangeClassifierTest} runs.
 */
final class ChangeRows {
  private ChangeRows() {}

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
        new Row("source.kafkaCluster", CHECKPOINT_BREAKING, ChangeRows::strimzi),
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
        new Row("ingest", IN_PLACE, ChangeRows::ingest),
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
        new Row("sink.cassandra.writeBatch", IN_PLACE, ChangeRows::writeBatch),
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

  static io.streampipe.api.v1alpha1.SourceSpec source(StreamingPipelineSpec s) {
    return s.getSource();
  }

  static io.streampipe.api.v1alpha1.TopicSpec topic(StreamingPipelineSpec s) {
    return s.getSource().getTopic();
  }

  static io.streampipe.api.v1alpha1.TopicSpec deadLetterTopic(StreamingPipelineSpec s) {
    io.streampipe.api.v1alpha1.TopicSpec topic = new io.streampipe.api.v1alpha1.TopicSpec();
    topic.setName("users_created.dlq");
    topic.setPartitions(3);
    if (s.getQuality().getDeadLetter().getTopic() == null) {
      s.getQuality().getDeadLetter().setTopic(topic);
    }
    return s.getQuality().getDeadLetter().getTopic();
  }

  static io.streampipe.api.v1alpha1.CassandraSinkSpec cassandra(StreamingPipelineSpec s) {
    return s.getSink().getCassandra();
  }

  static io.streampipe.api.v1alpha1.CheckpointSpec checkpoint(StreamingPipelineSpec s) {
    return s.getProcessing().getCheckpoint();
  }

  static FieldSpec field(StreamingPipelineSpec s, String name) {
    return s.getSchema().field(name).orElseThrow();
  }

  static void strimzi(StreamingPipelineSpec s) {
    s.getSource().setBootstrapServers(null);
    s.getSource().setKafkaCluster("events");
  }

  static void writeBatch(StreamingPipelineSpec s) {
    io.streampipe.api.v1alpha1.WriteBatchSpec batch =
        new io.streampipe.api.v1alpha1.WriteBatchSpec();
    batch.setMaxRows(50);
    cassandra(s).setWriteBatch(batch);
  }

  static void ingest(StreamingPipelineSpec s) {
    HttpIngestSpec http = new HttpIngestSpec();
    http.setUrl("https://api.example.com/users");
    IngestSpec ingest = new IngestSpec();
    ingest.setHttp(http);
    s.setIngest(ingest);
  }

  static io.streampipe.api.v1alpha1.RegistrySpec registry() {
    var registry = new io.streampipe.api.v1alpha1.RegistrySpec();
    registry.setUrl("http://registry:8080/apis/ccompat/v6");
    return registry;
  }
}
