package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import java.util.List;
import lombok.Getter;
import lombok.Setter;

/** A Server-Sent Events stream; each event's data is a body. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Getter
@Setter
public class SseIngestSpec {

  @Required
  @Pattern("^https?://.+")
  @JsonPropertyDescription("The stream's URL, http:// or https://.")
  private String url;

  @JsonPropertyDescription(
      "Event names to keep; others are skipped. Unset: every event (named or not).")
  private List<String> events;

  @JsonPropertyDescription("Request headers; a value may come from a Secret key.")
  private List<HeaderSpec> headers;
}
