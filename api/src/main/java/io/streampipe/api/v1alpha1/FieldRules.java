package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** Data-quality rules on one field; all that are set must hold. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FieldRules {

  @JsonPropertyDescription("A Java regular expression the whole text value must match.")
  private String pattern;

  @JsonPropertyDescription("The only values accepted (compared as text, case-sensitive).")
  private List<String> allowedValues;

  @JsonPropertyDescription("Smallest accepted value, for int, bigint and double fields.")
  private Double min;

  @JsonPropertyDescription("Largest accepted value, for int, bigint and double fields.")
  private Double max;

  public String getPattern() {
    return pattern;
  }

  public void setPattern(String pattern) {
    this.pattern = pattern;
  }

  public List<String> getAllowedValues() {
    return allowedValues;
  }

  public void setAllowedValues(List<String> allowedValues) {
    this.allowedValues = allowedValues;
  }

  public Double getMin() {
    return min;
  }

  public void setMin(Double min) {
    this.min = min;
  }

  public Double getMax() {
    return max;
  }

  public void setMax(Double max) {
    this.max = max;
  }
}
