package io.streampipe.api.change;

import static io.streampipe.api.change.ChangeClass.CHECKPOINT_BREAKING;
import static io.streampipe.api.change.ChangeClass.IN_PLACE;
import static io.streampipe.api.change.ChangeClass.REFUSED;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The class of a change to each spec property: the one table the CLI's plan and the operator's gate
 * read. A property missing here fails {@code ChangeRulesTest}, so a new spec field gets a class
 * when it is added.
 */
public final class ChangeRules {
  public static final String RESET_TOKEN = "processing.checkpoint.resetToken";
  public static final String FIELD_NAME = "schema.fields[].name";

  /** A property's class; {@code growOnly} ones are refused when their number decreases. */
  public record Rule(ChangeClass changeClass, String reason, boolean growOnly) {}

  private static final String RESTART = "applied; the job restarts on the same checkpoint";
  private static final Map<String, Rule> RULES = new LinkedHashMap<>();

  static {
    put(CHECKPOINT_BREAKING, "the checkpoint holds offsets of another topic", "source.topic.name");
    put(
        CHECKPOINT_BREAKING,
        "Spark ignores starting offsets while a checkpoint exists",
        "source.startingOffsets");
    put(
        CHECKPOINT_BREAKING,
        "another Kafka cluster's offsets are not the checkpoint's",
        "source.kafkaCluster");
    put(CHECKPOINT_BREAKING, "a new reset token starts a fresh checkpoint", RESET_TOKEN);
    // The records after the checkpoint's offsets are still in the old format: a fresh checkpoint
    // with startingOffsets at the producers' switch is the one way to read on without dead letters.
    put(
        CHECKPOINT_BREAKING,
        "records past the checkpoint are still in the old format",
        "source.format");
    put(REFUSED, "Cassandra cannot change a table's key", "schema.primaryKey");
    put(REFUSED, "a column's type cannot change", "schema.fields[].type");
    put(REFUSED, "columns are never dropped (a renamed field drops one)", FIELD_NAME);
    put(REFUSED, "keyspace is immutable: create a new pipeline", "sink.cassandra.keyspace.name");
    put(REFUSED, "table is immutable: create a new pipeline", "sink.cassandra.table");
    put(REFUSED, "a volume cannot move to another class", "processing.checkpoint.storageClass");
    RULES.put("source.topic.partitions", new Rule(IN_PLACE, "partitions added", true));
    RULES.put("quality.deadLetter.topic.partitions", new Rule(IN_PLACE, "partitions added", true));
    put(
        IN_PLACE,
        "another address of the same cluster; " + RESTART,
        "source.bootstrapServers",
        "sink.cassandra.contactPoints",
        "sink.cassandra.localDatacenter");
    put(
        IN_PLACE,
        "the topic's settings change in place",
        "source.topic.replicas",
        "source.topic.retention",
        "source.topic.config",
        "quality.deadLetter.topic.replicas",
        "quality.deadLetter.topic.retention",
        "quality.deadLetter.topic.config");
    put(IN_PLACE, "the ingester restarts; the job's checkpoint is not involved", "ingest");
    put(
        IN_PLACE,
        "rules keep no state across batches; " + RESTART,
        "schema.fields[].required",
        "schema.fields[].rules",
        "quality.deadLetter.enabled",
        "quality.deadLetter.topic.name",
        "quality.dedupKeys");
    put(
        IN_PLACE,
        "the table changes online (ALTER)",
        "sink.cassandra.ttl",
        "sink.cassandra.keyspace.replication");
    put(
        IN_PLACE,
        RESTART,
        "source.maxOffsetsPerTrigger",
        "source.registry",
        "sink.cassandra.credentialsSecret",
        "sink.cassandra.writeBatch",
        "sink.cassandra.writeRetryTimeout",
        "processing.trigger",
        "processing.driver",
        "processing.executor",
        "processing.image",
        "monitoring");
    put(IN_PLACE, "the claim grows; the checkpoint stays", "processing.checkpoint.size");
    put(IN_PLACE, "only what deletion does changes", "deletionPolicy");
    put(IN_PLACE, "the job stops, or starts again on the same checkpoint", "suspend");
    put(IN_PLACE, "the dead letters are judged anew; " + RESTART, "quality.budget");
  }

  private ChangeRules() {}

  /** Every path with a rule; comparison stops there, as the classifier's does. */
  public static java.util.Set<String> paths() {
    return java.util.Collections.unmodifiableSet(RULES.keySet());
  }

  /** The rule for a path in the classifier's form ({@code schema.fields[].type}). */
  public static Optional<Rule> of(String path) {
    return Optional.ofNullable(RULES.get(path));
  }

  private static void put(ChangeClass changeClass, String reason, String... paths) {
    for (String path : paths) {
      RULES.put(path, new Rule(changeClass, reason, false));
    }
  }
}
