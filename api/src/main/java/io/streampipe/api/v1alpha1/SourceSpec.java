package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import lombok.Getter;
import lombok.Setter;

/** The Kafka side of a pipeline: which cluster, which topic, and how fast to read it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!(has(self.bootstrapServers) && has(self.kafkaCluster))",
    message = "give bootstrapServers or kafkaCluster, not both")
@ValidationRule(
    value = "!has(self.format) || self.format != 'avro' || has(self.registry)",
    message = "format avro needs a registry")
@Getter
@Setter
public class SourceSpec {

  @JsonPropertyDescription(
      "Kafka bootstrap servers, comma-separated host:port. Give this or kafkaCluster.")
  private String bootstrapServers;

  @JsonPropertyDescription(
      "Name of a Strimzi Kafka cluster in the pipeline's namespace; its topics are labelled"
          + " strimzi.io/cluster with it and the bootstrap address is read from its status."
          + " Give this or bootstrapServers.")
  private String kafkaCluster;

  @Required
  @JsonPropertyDescription("The input topic.")
  @ValidationRule(
      value =
          "(has(self.partitions) ? self.partitions : 3)"
              + " >= (has(oldSelf.partitions) ? oldSelf.partitions : 3)",
      message = "partitions may only grow: Kafka cannot remove partitions")
  private TopicSpec topic;

  @Pattern("^(earliest|latest|[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(Z|[+-][0-9]{2}:[0-9]{2}))$")
  @JsonPropertyDescription(
      "Where a new pipeline starts reading: earliest (default), latest, or an ISO-8601 time like"
          + " 2026-11-30T10:00:00Z (per partition, the first record at or after it). A restarted"
          + " pipeline resumes from its checkpoint: a change here needs a new"
          + " processing.checkpoint.resetToken.")
  private String startingOffsets;

  @JsonPropertyDescription(
      "Upper bound on records read per micro-batch, spread over the topic's partitions."
          + " Default 100000.")
  @ValidationRule(value = "self > 0", message = "maxOffsetsPerTrigger must be greater than 0")
  private Long maxOffsetsPerTrigger;

  @Pattern("^(json|avro)$")
  @JsonPropertyDescription(
      "How records are encoded: json (default), or avro in the schema registry's wire format"
          + " (magic byte 0, 4-byte schema id, Avro binary), which needs registry.")
  private String format;

  @JsonPropertyDescription("The schema registry of an avro source.")
  private RegistrySpec registry;
}
