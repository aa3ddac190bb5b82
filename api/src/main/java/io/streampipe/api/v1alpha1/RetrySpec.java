package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import lombok.Getter;
import lombok.Setter;

/** Exponential back-off with full jitter between failed attempts. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Getter
@Setter
public class RetrySpec {

  @JsonPropertyDescription("The first wait after a failure, as a duration (default 1s).")
  private String initialBackoff;

  @JsonPropertyDescription(
      "The longest wait between attempts (default 1m); the ingester retries for ever.")
  private String maxBackoff;
}
