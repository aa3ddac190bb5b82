package io.streampipe.provisioning;

import io.streampipe.api.validation.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What provisioning a pipeline did, for the CLI to print.
 *
 * @param problems why the spec was refused before anything was touched; empty when it was valid
 * @param topics one result per topic, empty when the spec was refused
 * @param schema the table's result, absent when the spec was refused
 */
public record ProvisioningSummary(
    List<Problem> problems, List<TopicResult> topics, Optional<SchemaResult> schema) {

  public ProvisioningSummary {
    problems = List.copyOf(problems);
    topics = List.copyOf(topics);
  }

  public static ProvisioningSummary invalid(List<Problem> problems) {
    return new ProvisioningSummary(problems, List.of(), Optional.empty());
  }

  /** Valid, nothing refused, and the schema agreed on: the pipeline can start. */
  public boolean isReady() {
    return problems.isEmpty()
        && topics.stream().noneMatch(TopicResult::isRefused)
        && schema.map(SchemaResult::isReady).orElse(false);
  }

  /** One line per problem, change or refusal, in that order. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    problems.forEach(p -> lines.add("invalid: " + p));
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
    return lines;
  }
}
