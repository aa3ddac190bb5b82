package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import lombok.Getter;
import lombok.Setter;

/** What happens to bad and repeated records. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Getter
@Setter
public class QualitySpec {

  @JsonPropertyDescription("Where bad records go, with the reason they were refused.")
  private DeadLetterSpec deadLetter;

  @JsonPropertyDescription(
      "Fields whose values identify a record; repeats within a micro-batch collapse to one."
          + " Default: the primary key.")
  private List<String> dedupKeys;

  @JsonPropertyDescription(
      "Optional: how many refused records are too many, measured over a window, and what the"
          + " operator does then.")
  private BudgetSpec budget;
}
