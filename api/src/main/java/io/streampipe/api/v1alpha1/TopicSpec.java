package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import java.util.Map;

/** A Kafka topic the pipeline creates and reads or writes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TopicSpec {

  @Required
  @JsonPropertyDescription("Topic name as Kafka knows it, e.g. users_created.")
  private String name;

  @JsonPropertyDescription("Number of partitions (default 3). Partitions can only grow.")
  @Min(1)
  private Integer partitions;

  @JsonPropertyDescription("Replication factor (default 1).")
  @Min(1)
  private Integer replicas;

  @JsonPropertyDescription(
      "How long Kafka keeps records, as a duration like 7d or 12h (default 7d).")
  private String retention;

  @JsonPropertyDescription("Extra topic configuration, e.g. cleanup.policy: delete.")
  private Map<String, String> config;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Integer getPartitions() {
    return partitions;
  }

  public void setPartitions(Integer partitions) {
    this.partitions = partitions;
  }

  public Integer getReplicas() {
    return replicas;
  }

  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }

  public String getRetention() {
    return retention;
  }

  public void setRetention(String retention) {
    this.retention = retention;
  }

  public Map<String, String> getConfig() {
    return config;
  }

  public void setConfig(Map<String, String> config) {
    this.config = config;
  }
}
