package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The last spec change the operator classified, and what it did with it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LastChange {

  @JsonPropertyDescription("The spec generation this change reached.")
  private Long generation;

  @JsonPropertyDescription("IN_PLACE, CHECKPOINT_BREAKING or REFUSED.")
  private String changeClass;

  @JsonPropertyDescription(
      "Applied, CheckpointReset (applied on a fresh checkpoint), or NotApplied (the running"
          + " pipeline was left as it was).")
  private String action;

  @JsonPropertyDescription("The changed fields, each with its class and why.")
  private String message;

  public Long getGeneration() {
    return generation;
  }

  public void setGeneration(Long generation) {
    this.generation = generation;
  }

  public String getChangeClass() {
    return changeClass;
  }

  public void setChangeClass(String changeClass) {
    this.changeClass = changeClass;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
