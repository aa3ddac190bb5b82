package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import lombok.Getter;
import lombok.Setter;

/** One request header, its value written here or read from a Secret; values are never logged. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.value) != has(self.valueFrom)",
    message = "give value or valueFrom, exactly one")
@Getter
@Setter
public class HeaderSpec {

  @Required
  @JsonPropertyDescription("Header name, e.g. Authorization.")
  private String name;

  @JsonPropertyDescription("The value, written in the spec (not for credentials).")
  private String value;

  @JsonPropertyDescription("The value, from a key of a Secret in the pipeline's namespace.")
  private SecretKeyRef valueFrom;
}
