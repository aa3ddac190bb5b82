package io.streampipe.api.validation;

import io.streampipe.api.v1alpha1.FieldRules;
import io.streampipe.api.v1alpha1.FieldSpec;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * {@link PipelineValidatorTest}'s table: one broken spec per row, each the reference example with
 * one thing wrong, and the one problem the validator must report for it.
 */
final class BrokenSpecs {
  private BrokenSpecs() {}

  static Stream<Arguments> all() {
    return Stream.of(
        broken(
            "sql injection in the keyspace",
            s -> s.getSink().getCassandra().getKeyspace().setName("x; DROP KEYSPACE system"),
            "spec.sink.cassandra.keyspace.name",
            "'x; DROP KEYSPACE system' must start with a letter and contain only letters, digits"
                + " or _ (at most 48 characters)"),
        broken(
            "quote in the table",
            s -> s.getSink().getCassandra().setTable("users\"; DROP TABLE x; --"),
            "spec.sink.cassandra.table",
            "'users\"; DROP TABLE x; --' must start with a letter and contain only letters,"
                + " digits or _ (at most 48 characters)"),
        broken(
            "unicode in a field name",
            s -> s.getSchema().getFields().get(1).setName("prénom"),
            "spec.schema.fields[1].name",
            "'prénom' must start with a letter and contain only letters, digits or _ (at most 48"
                + " characters)"),
        broken(
            "49 characters",
            s -> s.getSink().getCassandra().setTable("t" + "x".repeat(48)),
            "spec.sink.cassandra.table",
            "'t"
                + "x".repeat(48)
                + "' must start with a letter and contain only letters, digits or _ (at most 48"
                + " characters)"),
        broken(
            "a system keyspace",
            s -> s.getSink().getCassandra().getKeyspace().setName("system_auth"),
            "spec.sink.cassandra.keyspace.name",
            "'system_auth' is a Cassandra system keyspace"),
        broken(
            "duplicate field",
            s -> s.getSchema().getFields().get(2).setName("FIRST_NAME"),
            "spec.schema.fields[2].name",
            "'FIRST_NAME' is declared twice (also at fields[1])"),
        broken(
            "unknown type",
            s -> s.getSchema().getFields().get(1).setType("varchar"),
            "spec.schema.fields[1].type",
            "unknown type 'varchar'; use one of text, uuid, int, bigint, double, boolean,"
                + " timestamp, date"),
        broken(
            "key names an unknown field",
            s -> s.getSchema().getPrimaryKey().setPartitionKey(List.of("uid")),
            "spec.schema.primaryKey.partitionKey[0]",
            "'uid' is not a declared field"),
        broken(
            "key names an optional field",
            s -> s.getSchema().getPrimaryKey().setClusteringColumns(List.of("username")),
            "spec.schema.primaryKey.clusteringColumns[0]",
            "'username' is part of the primary key and must be required"),
        broken(
            "regex that does not compile",
            s -> s.getSchema().getFields().get(6).getRules().setPattern("(unclosed"),
            "spec.schema.fields[6].rules.pattern",
            "is not a valid RE2 regular expression (no backreferences, lookaround or possessive"
                + " quantifiers): missing closing )"),
        broken(
            "min above max",
            s -> {
              s.getSchema().getFields().add(new FieldSpec("age", "int", false));
              FieldRules rules = new FieldRules();
              rules.setMin(10.0);
              rules.setMax(1.0);
              s.getSchema().getFields().get(12).setRules(rules);
            },
            "spec.schema.fields[12].rules.min",
            "is greater than max"),
        broken(
            "min on text",
            s -> s.getSchema().getFields().get(1).setRules(min(3.0)),
            "spec.schema.fields[1].rules",
            "min and max apply to int, bigint and double fields only"),
        broken(
            "ttl that does not parse",
            s -> s.getSink().getCassandra().setTtl("20 minutes"),
            "spec.sink.cassandra.ttl",
            "must be 0 or a whole number of seconds up to 20 years, written like 20m, 12h or 7d"),
        broken(
            "ttl beyond twenty years",
            s -> s.getSink().getCassandra().setTtl("7400d"),
            "spec.sink.cassandra.ttl",
            "must be 0 or a whole number of seconds up to 20 years, written like 20m, 12h or 7d"),
        broken(
            "write retry timeout beyond an hour",
            s -> s.getSink().getCassandra().setWriteRetryTimeout("2h"),
            "spec.sink.cassandra.writeRetryTimeout",
            "must be a duration from 0 to 1h, written like 30s or 2m"),
        broken(
            "write batch of no rows",
            s -> s.getSink().getCassandra().setWriteBatch(writeBatch(0, 4096)),
            "spec.sink.cassandra.writeBatch.maxRows",
            "must be between 1 and 1000"),
        broken(
            "write batch bytes beyond a mebibyte",
            s -> s.getSink().getCassandra().setWriteBatch(writeBatch(10, 2 << 20)),
            "spec.sink.cassandra.writeBatch.maxBytes",
            "must be between 0 and 1048576"),
        broken(
            "trigger too short",
            s -> s.getProcessing().setTrigger("10ms"),
            "spec.processing.trigger",
            "must be a duration between 100ms and 1d, like 10s"),
        broken(
            "zero partitions",
            s -> s.getSource().getTopic().setPartitions(0),
            "spec.source.topic.partitions",
            "must be between 1 and 10000"),
        broken(
            "absurd partitions",
            s -> s.getSource().getTopic().setPartitions(1_000_000),
            "spec.source.topic.partitions",
            "must be between 1 and 10000"),
        broken(
            "negative maxOffsetsPerTrigger",
            s -> s.getSource().setMaxOffsetsPerTrigger(-1L),
            "spec.source.maxOffsetsPerTrigger",
            "must be between 1 and 100000000"),
        broken(
            "both kafka addresses",
            s -> s.getSource().setKafkaCluster("my-cluster"),
            "spec.source",
            "give bootstrapServers or kafkaCluster, not both"),
        broken(
            "bootstrap without port",
            s -> s.getSource().setBootstrapServers("kafka"),
            "spec.source.bootstrapServers",
            "must be a comma-separated list of host:port"),
        broken(
            "dead-letter topic equals input",
            s -> {
              var dlq = new io.streampipe.api.v1alpha1.TopicSpec();
              dlq.setName("users_created");
              s.getQuality().getDeadLetter().setTopic(dlq);
            },
            "spec.quality.deadLetter.topic.name",
            "must differ from the input topic"),
        broken(
            "dedup on an unknown field",
            s -> s.getQuality().setDedupKeys(List.of("uuid")),
            "spec.quality.dedupKeys[0]",
            "'uuid' is not a declared field"),
        broken(
            "tiny executor memory",
            s -> s.getProcessing().getExecutor().setMemory("1m"),
            "spec.processing.executor.memory",
            "must be Spark memory between 256m and 512g, like 512m or 2g"),
        broken(
            "checkpoint size not a quantity",
            s -> s.getProcessing().getCheckpoint().setSize("lots"),
            "spec.processing.checkpoint.size",
            "must be a Kubernetes quantity like 1Gi"),
        broken(
            "privileged metrics port",
            s -> s.getMonitoring().getPrometheus().setPort(80),
            "spec.monitoring.prometheus.port",
            "must be between 1024 and 65535 and not 4040 (Spark's UI)"),
        broken(
            "NetworkTopologyStrategy without datacenters",
            s -> {
              var replication = s.getSink().getCassandra().getKeyspace().getReplication();
              replication.setStrategy("NetworkTopologyStrategy");
              replication.setReplicationFactor(null);
            },
            "spec.sink.cassandra.keyspace.replication.datacenters",
            "name at least one datacenter and its factor"),
        broken(
            "contact point with a bad port",
            s -> s.getSink().getCassandra().setContactPoints(List.of("db:99999")),
            "spec.sink.cassandra.contactPoints[0]",
            "must be host or host:port"),
        broken(
            "topic config key with spaces",
            s -> s.getSource().getTopic().setConfig(Map.of("retention ms", "1")),
            "spec.source.topic.config.retention ms",
            "is not a Kafka topic configuration key"));
  }

  private static FieldRules min(double min) {
    FieldRules rules = new FieldRules();
    rules.setMin(min);
    return rules;
  }

  private static Arguments broken(
      String why, Consumer<StreamingPipelineSpec> breakIt, String path, String message) {
    return Arguments.of(why, breakIt, new Problem(path, message));
  }

  private static io.streampipe.api.v1alpha1.WriteBatchSpec writeBatch(int rows, int bytes) {
    var batch = new io.streampipe.api.v1alpha1.WriteBatchSpec();
    batch.setMaxRows(rows);
    batch.setMaxBytes(bytes);
    return batch;
  }
}
