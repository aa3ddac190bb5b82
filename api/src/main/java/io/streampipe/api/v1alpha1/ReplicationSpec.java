package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import java.util.Map;

/** Keyspace replication: SimpleStrategy with a factor, or NetworkTopologyStrategy per DC. */
@JsonInclude(JsonInclude.Include.NON_NULL)
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

  public String getStrategy() {
    return strategy;
  }

  public void setStrategy(String strategy) {
    this.strategy = strategy;
  }

  public Integer getReplicationFactor() {
    return replicationFactor;
  }

  public void setReplicationFactor(Integer replicationFactor) {
    this.replicationFactor = replicationFactor;
  }

  public Map<String, Integer> getDatacenters() {
    return datacenters;
  }

  public void setDatacenters(Map<String, Integer> datacenters) {
    this.datacenters = datacenters;
  }
}
