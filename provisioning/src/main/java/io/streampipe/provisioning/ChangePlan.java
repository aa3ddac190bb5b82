package io.streampipe.provisioning;

import io.streampipe.api.JobContract;
import io.streampipe.api.change.ChangeClass;
import io.streampipe.api.change.ChangeReport;
import io.streampipe.api.cql.KeyspaceDefinition;
import io.streampipe.api.cql.TableDefinition;
import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.provisioning.registry.SubjectChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What applying a pipeline would do, part by part, before anything is done: the spec change's
 * class, the topics', the table's and the registry subject's plans (the ones provisioning would
 * carry out) and the job's fate. Pure: what exists is passed in, read from a file or from the live
 * servers.
 *
 * @param lines the plan as a user reads it
 */
public record ChangePlan(ChangeClass changeClass, boolean applicable, List<String> lines) {

  public ChangePlan {
    lines = List.copyOf(lines);
  }

  /**
   * @param report the spec change, when the applied spec is known
   * @param topics the existing topic of a name, if any
   * @param table what Cassandra holds for the desired keyspace and table
   */
  public static ChangePlan of(
      Optional<ChangeReport> report,
      ValidPipeline desired,
      Function<String, Optional<TopicDefinition>> topics,
      SchemaState table) {
    return of(report, desired, topics, table, Optional.empty());
  }

  /**
   * @param subject the registry subject's change, for an Avro pipeline
   */
  public static ChangePlan of(
      Optional<ChangeReport> report,
      ValidPipeline desired,
      Function<String, Optional<TopicDefinition>> topics,
      SchemaState table,
      Optional<SubjectChange> subject) {
    ChangeClass changeClass = report.map(ChangeReport::changeClass).orElse(ChangeClass.NONE);
    List<String> lines = new ArrayList<>();
    report.ifPresent(r -> r.changes().forEach(c -> lines.add("change " + c)));
    for (TopicDefinition topic : TopicDefinition.forPipeline(desired.spec())) {
      changeClass = changeClass.max(topic(topic, topics.apply(topic.name()), lines));
    }
    changeClass = changeClass.max(table(desired, table, lines));
    if (subject.isPresent()) {
      lines.add(subject.get().line());
      changeClass = changeClass.max(subject(subject.get()));
    }
    boolean applicable =
        changeClass != ChangeClass.REFUSED && report.map(ChangeReport::applicable).orElse(true);
    lines.add("job: " + job(report, changeClass, applicable, desired));
    lines.add(
        0,
        "plan for "
            + desired.name()
            + ": "
            + changeClass
            + (applicable ? "" : ", nothing would be applied"));
    return new ChangePlan(changeClass, applicable, lines);
  }

  private static ChangeClass topic(
      TopicDefinition topic, Optional<TopicDefinition> existing, List<String> lines) {
    String name = "topic " + topic.name() + ": ";
    if (existing.isEmpty()) {
      lines.add(name + "create with " + topic.partitions() + " partitions");
      return ChangeClass.IN_PLACE;
    }
    TopicPlan plan = TopicPlan.between(existing.get(), topic);
    plan.refused().forEach(r -> lines.add(name + "refused: " + r));
    plan.growPartitionsTo()
        .ifPresent(p -> lines.add(name + "partitions " + existing.get().partitions() + " → " + p));
    plan.configChanges().forEach((k, v) -> lines.add(name + "set " + k + "=" + v));
    return plan.isRefused()
        ? ChangeClass.REFUSED
        : plan.isNoop() ? ChangeClass.NONE : ChangeClass.IN_PLACE;
  }

  private static ChangeClass table(ValidPipeline desired, SchemaState table, List<String> lines) {
    SchemaChange schema =
        SchemaChange.decide(
            table,
            KeyspaceDefinition.desired(desired.spec().getSink().getCassandra().getKeyspace()),
            TableDefinition.desired(desired.spec()));
    schema.refused().forEach(r -> lines.add("table: refused: " + r));
    schema.statements().forEach(s -> lines.add("cql: " + s));
    return schema.isRefused()
        ? ChangeClass.REFUSED
        : schema.statements().isEmpty() ? ChangeClass.NONE : ChangeClass.IN_PLACE;
  }

  private static ChangeClass subject(SubjectChange subject) {
    return switch (subject.action()) {
      case UNCHANGED -> ChangeClass.NONE;
      case REGISTER, NEW_VERSION -> ChangeClass.IN_PLACE;
      case REFUSED -> ChangeClass.REFUSED;
    };
  }

  private static String job(
      Optional<ChangeReport> report,
      ChangeClass changeClass,
      boolean applicable,
      ValidPipeline desired) {
    if (!applicable) {
      return changeClass == ChangeClass.REFUSED
          ? "untouched: the change is refused"
          : "untouched: set processing.checkpoint.resetToken to a new value to apply it";
    }
    if (report.isEmpty()) {
      return "restart or reset unknown without the applied spec (plan --against it)";
    }
    if (report.get().resetsCheckpoint()) {
      return "restarts on a fresh checkpoint ("
          + JobContract.checkpointLocation(
              desired.spec().getProcessing().getCheckpoint().getResetToken())
          + ") reading from "
          + desired.spec().getSource().getStartingOffsets();
    }
    return changeClass == ChangeClass.NONE ? "keeps running" : "restarts on the same checkpoint";
  }
}
