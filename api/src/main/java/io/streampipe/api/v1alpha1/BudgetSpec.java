package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import lombok.Getter;
import lombok.Setter;

/** The share of refused records a pipeline may dead-letter before the operator acts. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Getter
@Setter
public class BudgetSpec {

  @Required
  @Min(0)
  @Max(1)
  @JsonPropertyDescription(
      "The most records dead-lettered per record read over the window, 0 to 1 (0.05 is 5 %)."
          + " Above it the DataQuality condition turns False (BudgetExceeded) naming the rules"
          + " that refused most.")
  private Double maxDeadLetterRatio;

  @Pattern("^([0-9]+(ms|s|m|h|d))+$")
  @JsonPropertyDescription(
      "The window the ratio is measured over, as a duration from 1m to 1d (default 10m).")
  private String window;

  @JsonPropertyDescription(
      "Warn (default): report it. Suspend: also stop the job as spec.suspend does, so bad data"
          + " stops reaching Cassandra while the input topic keeps it; the suspension holds until"
          + " the spec changes (fix the rules, raise the budget, or switch to Warn).")
  private BudgetAction onExceeded;
}
