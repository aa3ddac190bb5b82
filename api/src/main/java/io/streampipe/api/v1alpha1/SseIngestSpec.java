package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import java.util.List;

/** A Server-Sent Events stream; each event's data is a body. */
@JsonInclude(JsonInclude.Include.NON_NULL)
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

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public List<String> getEvents() {
    return events;
  }

  public void setEvents(List<String> events) {
    this.events = events;
  }

  public List<HeaderSpec> getHeaders() {
    return headers;
  }

  public void setHeaders(List<HeaderSpec> headers) {
    this.headers = headers;
  }
}
