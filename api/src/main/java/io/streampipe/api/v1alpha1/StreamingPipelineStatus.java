package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** What the operator last observed of a pipeline, part by part. */
@JsonInclude(JsonInclude.Include.NON_NULL)
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

  public PipelineProgress getProgress() {
    return progress;
  }

  public void setProgress(PipelineProgress progress) {
    this.progress = progress;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<PipelineCondition> getConditions() {
    return conditions;
  }

  public void setConditions(List<PipelineCondition> conditions) {
    this.conditions = conditions;
  }

  public String getTopic() {
    return topic;
  }

  public void setTopic(String topic) {
    this.topic = topic;
  }

  public String getDeadLetterTopic() {
    return deadLetterTopic;
  }

  public void setDeadLetterTopic(String deadLetterTopic) {
    this.deadLetterTopic = deadLetterTopic;
  }

  public String getTable() {
    return table;
  }

  public void setTable(String table) {
    this.table = table;
  }

  public String getTtl() {
    return ttl;
  }

  public void setTtl(String ttl) {
    this.ttl = ttl;
  }

  public String getJobState() {
    return jobState;
  }

  public void setJobState(String jobState) {
    this.jobState = jobState;
  }

  public LastChange getLastChange() {
    return lastChange;
  }

  public void setLastChange(LastChange lastChange) {
    this.lastChange = lastChange;
  }
}
