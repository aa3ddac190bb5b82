package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import lombok.Getter;
import lombok.Setter;

/** A key of a Secret in the pipeline's namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Getter
@Setter
public class SecretKeyRef {

  @Required
  @JsonPropertyDescription("The Secret's name.")
  private String name;

  @Required
  @JsonPropertyDescription("The key inside the Secret.")
  private String key;

  public SecretKeyRef() {}

  public SecretKeyRef(String name, String key) {
    this.name = name;
    this.key = key;
  }
}
