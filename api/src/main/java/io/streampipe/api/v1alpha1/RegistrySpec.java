package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import lombok.Getter;
import lombok.Setter;

/** The schema registry an Avro source's writer schemas are read from (Confluent-compatible API). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Getter
@Setter
public class RegistrySpec {

  @Required
  @Pattern("^https?://[^/?#\\s]+(/[^?#\\s]*)?$")
  @JsonPropertyDescription(
      "Base URL of the registry's Confluent-compatible API, http or https, e.g."
          + " http://registry:8080/apis/ccompat/v6 for Apicurio Registry.")
  private String url;

  @JsonPropertyDescription(
      "Name of a Secret in the pipeline's namespace with keys username and password, sent as"
          + " HTTP basic authentication.")
  private String credentialsSecret;

  @Pattern("^[A-Za-z0-9._-]{1,255}$")
  @JsonPropertyDescription(
      "Subject the pipeline's schema is registered under: letters, digits, '.', '_' or '-'."
          + " Default <topic>-value (the TopicNameStrategy).")
  private String subject;
}
