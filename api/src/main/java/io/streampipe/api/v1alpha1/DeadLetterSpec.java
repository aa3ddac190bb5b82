package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import lombok.Getter;
import lombok.Setter;

/** The dead-letter topic: refused records with their reason and origin. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Getter
@Setter
public class DeadLetterSpec {

  @JsonPropertyDescription(
      "Send refused records to the dead-letter topic (default true). When false they are"
          + " counted in metrics and logged, then skipped.")
  private Boolean enabled;

  @JsonPropertyDescription(
      "The dead-letter topic; default <input topic>.dlq. Partitions, replicas and retention"
          + " follow the input topic unless set here.")
  private TopicSpec topic;

  public boolean isEnabled() {
    return !Boolean.FALSE.equals(enabled);
  }
}
