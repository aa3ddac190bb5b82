package io.streampipe.provisioning;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What provisioning a pipeline did, for the CLI to print.
 *
 * @param topics one result per topic
 * @param schema the table's result
 */
public record ProvisioningSummary(List<TopicResult> topics, Optional<SchemaResult> schema) {

  public ProvisioningSummary {
    topics = List.copyOf(topics);
  }

  /** Nothing refused, and the schema agreed on: the pipeline can start. */
  public boolean isReady() {
    return topics.stream().noneMatch(TopicResult::isRefused)
        && schema.map(SchemaResult::isReady).orElse(false);
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
    return lines;
  }
}
