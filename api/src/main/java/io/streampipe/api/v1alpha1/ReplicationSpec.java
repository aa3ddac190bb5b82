package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import java.util.Map;
import lombok.Getter;
import lombok.Setter;

/** Keyspace replication: SimpleStrategy with a factor, or NetworkTopologyStrategy per DC. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Getter
@Setter
public class ReplicationSpec {

  public static final String SIMPLE = "SimpleStrategy";
  public static final String NETWORK_TOPOLOGY = "NetworkTopologyStrategy";

  @Pattern("^(SimpleStrategy|NetworkTopologyStrategy)$")
  @JsonPropertyDescription("SimpleStrategy (default) or NetworkTopologyStrategy.")
  private String strategy;

  @JsonPropertyDescription("Replication factor for SimpleStrategy (default 1).")
  private Integer replicationFactor;

  @JsonPropertyDescription("Replication factor per datacenter, for NetworkTopologyStrategy.")
  private Map<String, Integer> datacenters;
}
