package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** One request header, its value written here or read from a Secret; values are never logged. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.value) != has(self.valueFrom)",
    message = "give value or valueFrom, exactly one")
public class HeaderSpec {

  @Required
  @JsonPropertyDescription("Header name, e.g. Authorization.")
  private String name;

  @JsonPropertyDescription("The value, written in the spec (not for credentials).")
  private String value;

  @JsonPropertyDescription("The value, from a key of a Secret in the pipeline's namespace.")
  private SecretKeyRef valueFrom;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }

  public SecretKeyRef getValueFrom() {
    return valueFrom;
  }

  public void setValueFrom(SecretKeyRef valueFrom) {
    this.valueFrom = valueFrom;
  }
}
