package io.streampipe.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * What the operator's integration tests share: per test class, a mock API server with the upstream
 * CRDs and the operator, by default with production's switches ({@link
 * OperatorFixture#leaderElected()}); after the class, every call it made must be one the chart
 * grants. Each test makes its own pipeline in its own namespace.
 */
@EnableKubernetesMockClient(crud = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OperatorAgainstMockServer {
  static KubernetesMockServer server;
  static KubernetesClient client;
  static OperatorFixture operator;

  OperatorConfig config() {
    return OperatorFixture.leaderElected();
  }

  /** The upstream CRDs the cluster serves. */
  List<String> upstreamCrds() {
    return MockCluster.UPSTREAM;
  }

  @BeforeAll
  void startOperator() throws IOException {
    operator = OperatorFixture.start(server, client, config(), upstreamCrds());
  }

  @AfterAll
  void stopOperator() throws InterruptedException {
    operator.close();
    OperatorRbac.assertGranted(server, OperatorFixture.AGENT);
  }
}
