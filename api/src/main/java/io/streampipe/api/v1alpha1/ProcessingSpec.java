package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** How the Spark job runs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ProcessingSpec {

  @JsonPropertyDescription("Micro-batch trigger interval as a duration, e.g. 10s (default 10s).")
  private String trigger;

  @JsonPropertyDescription("Spark driver resources (default 1 core, 1g).")
  private SparkResources driver;

  @JsonPropertyDescription("Spark executor resources (default 1 instance, 1 core, 1g).")
  private SparkResources executor;

  @JsonPropertyDescription("The volume holding the job's checkpoint.")
  private CheckpointSpec checkpoint;

  @JsonPropertyDescription("The pipeline-job container image (default: the operator's).")
  private String image;

  public String getTrigger() {
    return trigger;
  }

  public void setTrigger(String trigger) {
    this.trigger = trigger;
  }

  public SparkResources getDriver() {
    return driver;
  }

  public void setDriver(SparkResources driver) {
    this.driver = driver;
  }

  public SparkResources getExecutor() {
    return executor;
  }

  public void setExecutor(SparkResources executor) {
    this.executor = executor;
  }

  public CheckpointSpec getCheckpoint() {
    return checkpoint;
  }

  public void setCheckpoint(CheckpointSpec checkpoint) {
    this.checkpoint = checkpoint;
  }

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }
}
