package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;
import lombok.Getter;
import lombok.Setter;

/**
 * How a poll asks for what it has not seen yet: a next-page value from the response, or the last
 * record's value in a query parameter. The cursor survives restarts.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.nextPath) != has(self.valuePath)",
    message = "give nextPath or valuePath, exactly one")
@Getter
@Setter
public class CursorSpec {

  @JsonPropertyDescription(
      "A JSON Pointer to the next page in the response, e.g. /next. With param, the value is sent"
          + " as that query parameter; without, it is the next page's URL (absolute or relative)."
          + " Pages are followed at once; a response without it ends the round, and the next"
          + " poll starts from the last value seen.")
  private String nextPath;

  @JsonPropertyDescription(
      "A JSON Pointer into the last record of a response, e.g. /id; its value is sent as param"
          + " on the next request (\"since the last seen\").")
  private String valuePath;

  @JsonPropertyDescription("The query parameter that carries the cursor, e.g. since or cursor.")
  private String param;
}
