package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** A keyspace and how it is replicated. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class KeyspaceSpec {

  @Required
  @JsonPropertyDescription("The keyspace name: a letter, then letters, digits or _, at most 48.")
  private String name;

  @JsonPropertyDescription(
      "Replication used when the keyspace is created (default SimpleStrategy 1).")
  private ReplicationSpec replication;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public ReplicationSpec getReplication() {
    return replication;
  }

  public void setReplication(ReplicationSpec replication) {
    this.replication = replication;
  }
}
