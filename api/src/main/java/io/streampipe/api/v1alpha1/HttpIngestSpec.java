package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import java.util.List;
import lombok.Getter;
import lombok.Setter;

/** A REST endpoint polled on a schedule. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Getter
@Setter
public class HttpIngestSpec {

  @Required
  @Pattern("^https?://.+")
  @JsonPropertyDescription("The endpoint, http:// or https://.")
  private String url;

  @Pattern("^(GET|POST)$")
  @JsonPropertyDescription("GET (default) or POST.")
  private String method;

  @JsonPropertyDescription("The JSON body of a POST.")
  private String body;

  @JsonPropertyDescription("Time between polls, as a duration like 10s (default 10s).")
  private String interval;

  @JsonPropertyDescription("How long one request may take, as a duration (default 30s).")
  private String timeout;

  @JsonPropertyDescription("Request headers; a value may come from a Secret key.")
  private List<HeaderSpec> headers;

  @JsonPropertyDescription("Pagination and \"since the last seen\" polling. Unset: none.")
  private CursorSpec cursor;
}
