package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import lombok.Getter;
import lombok.Setter;

/** How the Spark job runs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Getter
@Setter
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
}
