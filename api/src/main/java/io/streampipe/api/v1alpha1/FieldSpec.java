package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import lombok.Getter;
import lombok.Setter;

/** One field of an event and the column it becomes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Getter
@Setter
public class FieldSpec {

  @Required
  @JsonPropertyDescription(
      "JSON property name and Cassandra column name: a letter, then letters, digits or _,"
          + " at most 48 characters.")
  @Size(max = 48)
  private String name;

  @Required
  @Pattern("^(text|uuid|int|bigint|double|boolean|timestamp|date)$")
  // Bounds the cost Kubernetes estimates for the fields' transition rule.
  @Size(max = 9)
  @JsonPropertyDescription(
      "One of text, uuid, int, bigint, double, boolean, timestamp (ISO-8601 with offset, or"
          + " epoch milliseconds), date (yyyy-MM-dd).")
  private String type;

  @JsonPropertyDescription(
      "A record without this field (or with null) is dead-lettered. Key fields must be required.")
  private Boolean required;

  @JsonPropertyDescription("Data-quality rules; a record that breaks one is dead-lettered.")
  private FieldRules rules;

  public FieldSpec() {}

  public FieldSpec(String name, String type, boolean required) {
    this.name = name;
    this.type = type;
    this.required = required;
  }

  public boolean isRequired() {
    return Boolean.TRUE.equals(required);
  }
}
