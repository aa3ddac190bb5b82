package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;
import lombok.Getter;
import lombok.Setter;

/** A Kubernetes-style condition: one aspect of the pipeline, true, false or unknown. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Getter
@Setter
public class PipelineCondition {

  @JsonPropertyDescription("Condition type, e.g. Ready.")
  private String type;

  @JsonPropertyDescription("True, False or Unknown.")
  private String status;

  @JsonPropertyDescription("CamelCase reason for the status.")
  private String reason;

  @JsonPropertyDescription("Human-readable detail.")
  private String message;

  @JsonPropertyDescription("When the status last changed, RFC 3339.")
  private String lastTransitionTime;

  @JsonPropertyDescription("The generation this condition was computed for.")
  private Long observedGeneration;

  @Override
  public boolean equals(Object o) {
    return o instanceof PipelineCondition c
        && Objects.equals(type, c.type)
        && Objects.equals(status, c.status)
        && Objects.equals(reason, c.reason)
        && Objects.equals(message, c.message)
        && Objects.equals(lastTransitionTime, c.lastTransitionTime)
        && Objects.equals(observedGeneration, c.observedGeneration);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, status, reason, message, lastTransitionTime, observedGeneration);
  }
}
