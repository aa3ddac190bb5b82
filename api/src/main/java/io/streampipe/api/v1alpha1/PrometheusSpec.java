package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Whether and where the job serves Prometheus metrics. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PrometheusSpec {

  @JsonPropertyDescription("Serve metrics and create a PodMonitor when possible (default true).")
  private Boolean enabled;

  @JsonPropertyDescription("HTTP port of the /metrics endpoint (default 9464).")
  private Integer port;

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  public boolean isEnabled() {
    return !Boolean.FALSE.equals(enabled);
  }

  public Integer getPort() {
    return port;
  }

  public void setPort(Integer port) {
    this.port = port;
  }
}
