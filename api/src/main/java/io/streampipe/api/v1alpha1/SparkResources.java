package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import lombok.Getter;
import lombok.Setter;

/** Cores and memory of a Spark driver or of each executor. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Getter
@Setter
public class SparkResources {

  @JsonPropertyDescription("Executor instances (executors only).")
  private Integer instances;

  @JsonPropertyDescription("CPU cores.")
  private Integer cores;

  @Pattern("^[1-9][0-9]*[kmgt]?$")
  @JsonPropertyDescription("JVM memory in Spark's notation, e.g. 512m or 2g.")
  private String memory;

  public SparkResources() {}

  public SparkResources(Integer instances, Integer cores, String memory) {
    this.instances = instances;
    this.cores = cores;
    this.memory = memory;
  }
}
