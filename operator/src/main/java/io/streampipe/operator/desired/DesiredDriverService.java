package io.streampipe.operator.desired;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.streampipe.api.JobContract;

/**
 * The ClusterIP Service in front of the Spark driver's metrics port: a stable name through which
 * the operator reads the job's progress, whichever driver pod runs now.
 */
public final class DesiredDriverService {
  private DesiredDriverService() {}

  public static Service build(ResolvedPipeline pipeline) {
    int port = pipeline.spec().getMonitoring().getPrometheus().getPort();
    return new ServiceBuilder()
        .withMetadata(pipeline.metadata(Names.driverService(pipeline.name()), "driver"))
        .withNewSpec()
        .withType("ClusterIP")
        .withSelector(Labels.driverSelector(pipeline.name()))
        .addNewPort()
        .withName(JobContract.METRICS_PORT_NAME)
        .withPort(port)
        .withTargetPort(new IntOrString(JobContract.METRICS_PORT_NAME))
        .withProtocol("TCP")
        .endPort()
        .endSpec()
        .build();
  }
}
