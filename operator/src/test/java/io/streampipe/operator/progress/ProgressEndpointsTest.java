package io.streampipe.operator.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.operator.OperatorChecks;
import io.streampipe.operator.OperatorConfig;
import io.streampipe.operator.TestPipelines;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where the operator reads a job's progress: the driver Service's DNS name. */
class ProgressEndpointsTest {

  @Test
  void theServiceNameInThePipelinesNamespaceOnItsMetricsPort() {
    assertThat(ProgressEndpoints.serviceUrl("users", "streams", 9090))
        .hasToString("http://users-driver.streams.svc:9090/progress");

    var pipeline = TestPipelines.stored(TestPipelines.users("team-a", "orders"));
    pipeline.getSpec().getMonitoring().getPrometheus().setPort(9404);
    var resolved =
        OperatorChecks.check(pipeline, OperatorConfig.defaults(), Optional.empty())
            .resolved()
            .orElseThrow();
    assertThat(ProgressEndpoints.SERVICE.of(resolved))
        .hasToString("http://orders-driver.team-a.svc:9404/progress");
    assertThat(OperatorConfig.defaults().progress().endpoints())
        .isSameAs(ProgressEndpoints.SERVICE);
  }
}
