package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import lombok.Getter;
import lombok.Setter;

/** The desired state of one Kafka → Spark → Cassandra stream. */
@JsonInclude(JsonInclude.Include.NON_NULL)
// On the spec, not the dead-letter topic: a transition rule runs only where the old object had its
// field, so a rule on the optional topic would let it appear with fewer partitions than it has.
@ValidationRule(
    value =
        "(has(self.quality) && has(self.quality.deadLetter) && has(self.quality.deadLetter.topic)"
            + " && has(self.quality.deadLetter.topic.partitions)"
            + " ? self.quality.deadLetter.topic.partitions"
            + " : has(self.source.topic.partitions) ? self.source.topic.partitions : 3)"
            + " >= (has(oldSelf.quality) && has(oldSelf.quality.deadLetter)"
            + " && has(oldSelf.quality.deadLetter.topic)"
            + " && has(oldSelf.quality.deadLetter.topic.partitions)"
            + " ? oldSelf.quality.deadLetter.topic.partitions"
            + " : has(oldSelf.source.topic.partitions) ? oldSelf.source.topic.partitions : 3)",
    message =
        "the dead-letter topic's partitions may only grow (unset, they follow the input topic's):"
            + " Kafka cannot remove partitions")
@Getter
@Setter
public class StreamingPipelineSpec {

  @Required
  @JsonPropertyDescription("Where events come from: the Kafka cluster and the input topic.")
  private SourceSpec source;

  @JsonPropertyDescription(
      "Optional: an API (HTTP polling, Server-Sent Events or WebSocket) whose records the"
          + " ingester sends to the input topic.")
  private IngestSpec ingest;

  @Required
  @JsonPropertyDescription(
      "The events' fields, their types and rules, and the table's primary key.")
  private SchemaSpec schema;

  @JsonPropertyDescription("Dead-lettering of bad records and deduplication.")
  private QualitySpec quality;

  @Required
  @JsonPropertyDescription("Where valid rows go: the Cassandra cluster, keyspace and table.")
  private SinkSpec sink;

  @JsonPropertyDescription("How the Spark job runs: trigger, resources, checkpoint and image.")
  private ProcessingSpec processing;

  @JsonPropertyDescription("How the job exposes its metrics.")
  private MonitoringSpec monitoring;

  @JsonPropertyDescription(
      "What happens to topics, table and checkpoint when the pipeline is deleted: Retain (default)"
          + " keeps them, Delete removes them.")
  private DeletionPolicy deletionPolicy;

  @JsonPropertyDescription(
      "true stops the Spark job gracefully (the batch in flight finishes and commits) and keeps"
          + " topics, table, checkpoint and the ingester, which keeps filling the input topic, so"
          + " an API that cannot replay loses nothing. false (default) starts the job again on the"
          + " same checkpoint, where it stopped.")
  private Boolean suspend;
}
