package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;
import lombok.Getter;
import lombok.Setter;

/** What the operator last observed of a pipeline, part by part. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Getter
@Setter
public class StreamingPipelineStatus {

  @JsonPropertyDescription("The spec generation this status describes.")
  private Long observedGeneration;

  @JsonPropertyDescription("TopicsReady, SchemaReady, CheckpointReady, JobRunning and Ready.")
  private List<PipelineCondition> conditions = new ArrayList<>();

  @JsonPropertyDescription("The input topic in use.")
  private String topic;

  @JsonPropertyDescription("The dead-letter topic in use, if any.")
  private String deadLetterTopic;

  @JsonPropertyDescription("The table in use, as keyspace.table.")
  private String table;

  @JsonPropertyDescription("The table's TTL in use, as given in the spec.")
  private String ttl;

  @JsonPropertyDescription("The Spark application's state as the Spark operator reports it.")
  private String jobState;

  @JsonPropertyDescription("The last spec change, its class and what the operator did with it.")
  private LastChange lastChange;

  @JsonPropertyDescription(
      "How far the running job has got, from its progress endpoint; absent until first reached.")
  private PipelineProgress progress;

  @JsonPropertyDescription(
      "The spec generation at which the data-quality budget suspended the job"
          + " (quality.budget.onExceeded: Suspend); the suspension holds until the spec changes.")
  private Long budgetSuspendedGeneration;
}
