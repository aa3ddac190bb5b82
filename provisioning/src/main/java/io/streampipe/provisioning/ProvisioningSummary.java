package io.streampipe.provisioning;

import io.streampipe.provisioning.registry.SubjectChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What provisioning a pipeline did, for the CLI to print.
 *
 * @param topics one result per topic
 * @param schema the table's result; empty when nothing was applied
 * @param subject the registry subject's change, for an Avro pipeline
 */
public record ProvisioningSummary(
    List<TopicResult> topics, Optional<SchemaResult> schema, Optional<SubjectChange> subject) {

  public ProvisioningSummary {
    topics = List.copyOf(topics);
  }

  public ProvisioningSummary(List<TopicResult> topics, Optional<SchemaResult> schema) {
    this(topics, schema, Optional.empty());
  }

  /** Nothing refused, and the schema agreed on: the pipeline can start. */
  public boolean isReady() {
    return topics.stream().noneMatch(TopicResult::isRefused)
        && schema.map(SchemaResult::isReady).orElse(false)
        && subject.map(s -> !s.isRefused()).orElse(true);
  }

  /** One line per change or refusal. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    for (TopicResult topic : topics) {
      topic.applied().forEach(a -> lines.add("topic " + topic.topic() + ": " + a));
      topic.refused().forEach(r -> lines.add("refused: " + r));
    }
    schema.ifPresent(
        s -> {
          s.applied().forEach(a -> lines.add("cql: " + a));
          s.refused().forEach(r -> lines.add("refused: " + r));
          if (!s.inAgreement()) {
            lines.add("schema: the cluster has not agreed on the new schema yet");
          }
        });
    subject
        .filter(s -> s.action() != SubjectChange.Action.UNCHANGED)
        .ifPresent(s -> lines.add((s.isRefused() ? "refused: " : "") + s.line()));
    return lines;
  }
}
