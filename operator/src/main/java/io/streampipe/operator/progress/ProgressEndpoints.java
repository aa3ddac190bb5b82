package io.streampipe.operator.progress;

import io.streampipe.api.JobContract;
import io.streampipe.operator.desired.Names;
import io.streampipe.operator.desired.ResolvedPipeline;
import java.net.URI;

/**
 * Where the operator reads a pipeline's progress. In a cluster it is the driver Service's DNS name;
 * a test on a mock API server, where that name resolves nowhere, gives its own resolver.
 */
@FunctionalInterface
public interface ProgressEndpoints {
  /** The progress URL of a pipeline. */
  URI of(ResolvedPipeline pipeline);

  /** Production's: the driver Service the operator owns, on the job's metrics port. */
  ProgressEndpoints SERVICE =
      p -> serviceUrl(p.name(), p.namespace(), p.spec().getMonitoring().getPrometheus().getPort());

  /** {@code http://<pipeline>-driver.<namespace>.svc:<port>/progress}. */
  static URI serviceUrl(String pipeline, String namespace, int port) {
    return URI.create(
        "http://"
            + Names.driverService(pipeline)
            + "."
            + namespace
            + ".svc:"
            + port
            + JobContract.PROGRESS_PATH);
  }
}
