package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import java.util.List;
import lombok.Getter;
import lombok.Setter;

/** A WebSocket feed; each text message is a body. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Getter
@Setter
public class WebSocketIngestSpec {

  @Required
  @Pattern("^wss?://.+")
  @JsonPropertyDescription("The feed's URL, ws:// or wss://.")
  private String url;

  @JsonPropertyDescription(
      "A text message sent after each connect, e.g. {\"op\":\"subscribe\",\"args\":[\"trades\"]}.")
  private String subscribe;

  @JsonPropertyDescription(
      "Time between pings while the feed is quiet, as a duration (default 30s); a connection"
          + " that sends nothing, pongs included, for two and a half intervals is dropped and"
          + " reopened. 0 disables pings.")
  private String pingInterval;

  @JsonPropertyDescription("Headers of the opening handshake; a value may come from a Secret key.")
  private List<HeaderSpec> headers;
}
