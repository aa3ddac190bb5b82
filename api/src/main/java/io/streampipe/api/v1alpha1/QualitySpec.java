package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** What happens to bad and repeated records. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class QualitySpec {

  @JsonPropertyDescription("Where bad records go, with the reason they were refused.")
  private DeadLetterSpec deadLetter;

  @JsonPropertyDescription(
      "Fields whose values identify a record; repeats within a micro-batch collapse to one."
          + " Default: the primary key.")
  private List<String> dedupKeys;

  public DeadLetterSpec getDeadLetter() {
    return deadLetter;
  }

  public void setDeadLetter(DeadLetterSpec deadLetter) {
    this.deadLetter = deadLetter;
  }

  public List<String> getDedupKeys() {
    return dedupKeys;
  }

  public void setDedupKeys(List<String> dedupKeys) {
    this.dedupKeys = dedupKeys;
  }
}
