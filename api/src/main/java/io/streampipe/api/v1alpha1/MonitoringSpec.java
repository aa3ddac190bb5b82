package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import lombok.Getter;
import lombok.Setter;

/** Metrics exposure of the job. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Getter
@Setter
public class MonitoringSpec {

  @JsonPropertyDescription("Prometheus metrics endpoint of the job's driver.")
  private PrometheusSpec prometheus;
}
