package io.streampipe.operator.dependent;

import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.streampipe.operator.StreamingPipeline;
import io.streampipe.operator.desired.DesiredDriverService;
import io.streampipe.operator.desired.Names;

/** The Service through which the operator reads the driver's progress endpoint. */
public class DriverServiceDependent
    extends CRUDKubernetesDependentResource<Service, StreamingPipeline> {
  public static final String NAME = "driver-service";

  public DriverServiceDependent() {
    super(Service.class);
  }

  public static String resourceName(StreamingPipeline pipeline) {
    return Names.driverService(pipeline.getMetadata().getName());
  }

  @Override
  protected Service desired(StreamingPipeline primary, Context<StreamingPipeline> context) {
    return DesiredDriverService.build(Pipelines.resolved(context));
  }
}
