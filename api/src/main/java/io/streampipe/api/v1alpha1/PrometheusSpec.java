package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import lombok.Getter;
import lombok.Setter;

/** Whether and where the job serves Prometheus metrics. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Getter
@Setter
public class PrometheusSpec {

  @JsonPropertyDescription("Serve metrics and create a PodMonitor when possible (default true).")
  private Boolean enabled;

  @JsonPropertyDescription("HTTP port of the /metrics endpoint (default 9464).")
  private Integer port;

  public boolean isEnabled() {
    return !Boolean.FALSE.equals(enabled);
  }
}
