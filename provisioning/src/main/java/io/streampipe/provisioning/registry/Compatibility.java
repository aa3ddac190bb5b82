package io.streampipe.provisioning.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry's answer to a compatibility check.
 *
 * @param messages what the registry said of the incompatibility: Confluent's {@code messages} with
 *     {@code verbose=true}, Apicurio 2.4's {@code reason} when not null (Apicurio answers {@code
 *     {"is_compatible":false,"reason":null}}, naming no field)
 */
public record Compatibility(boolean compatible, List<String> messages) {

  public Compatibility {
    messages = List.copyOf(messages);
  }

  static Compatibility of(JsonNode answer) {
    List<String> messages = new ArrayList<>();
    answer.path("messages").forEach(m -> messages.add(m.asText()));
    JsonNode reason = answer.path("reason");
    if (reason.isTextual() && !reason.asText().isBlank()) {
      messages.add(reason.asText());
    }
    return new Compatibility(answer.path("is_compatible").asBoolean(false), messages);
  }
}
