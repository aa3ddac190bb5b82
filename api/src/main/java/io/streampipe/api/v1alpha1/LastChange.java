package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import lombok.Getter;
import lombok.Setter;

/** The last spec change the operator classified, and what it did with it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Getter
@Setter
public class LastChange {

  @JsonPropertyDescription("The spec generation this change reached.")
  private Long generation;

  @JsonPropertyDescription("IN_PLACE, CHECKPOINT_BREAKING or REFUSED; NONE for a withdrawn change.")
  private String changeClass;

  @JsonPropertyDescription(
      "Applied, CheckpointReset (applied on a fresh checkpoint), NotApplied (the running"
          + " pipeline was left as it was), or Withdrawn (a change left unapplied is no longer in"
          + " the spec).")
  private String action;

  @JsonPropertyDescription("The changed fields, each with its class and why.")
  private String message;
}
