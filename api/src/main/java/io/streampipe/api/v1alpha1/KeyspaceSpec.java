package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import lombok.Getter;
import lombok.Setter;

/** A keyspace and how it is replicated. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Getter
@Setter
public class KeyspaceSpec {

  @Required
  @JsonPropertyDescription("The keyspace name: a letter, then letters, digits or _, at most 48.")
  @Size(max = 48)
  @ValidationRule(
      value = "self == oldSelf",
      message = "keyspace is immutable: create a new pipeline for another keyspace")
  private String name;

  @JsonPropertyDescription(
      "Replication used when the keyspace is created (default SimpleStrategy 1).")
  private ReplicationSpec replication;
}
