package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import lombok.Getter;
import lombok.Setter;

/** Data-quality rules on one field; all that are set must hold. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Getter
@Setter
public class FieldRules {

  @JsonPropertyDescription("A Java regular expression the whole text value must match.")
  private String pattern;

  @JsonPropertyDescription("The only values accepted (compared as text, case-sensitive).")
  private List<String> allowedValues;

  @JsonPropertyDescription("Smallest accepted value, for int, bigint and double fields.")
  private Double min;

  @JsonPropertyDescription("Largest accepted value, for int, bigint and double fields.")
  private Double max;
}
