package io.streampipe.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * What the operator's integration tests by concern share: per test class, a mock API server with
 * every upstream CRD and the operator with production's switches ({@link
 * OperatorFixture#leaderElected()}). Each test makes its own pipeline in its own namespace.
 */
@EnableKubernetesMockClient(crud = true)
abstract class OperatorAgainstMockServer {
  static KubernetesMockServer server;
  static KubernetesClient client;
  static OperatorFixture operator;

  @BeforeAll
  static void startOperator() throws IOException {
    operator = OperatorFixture.start(server, client, OperatorFixture.leaderElected());
  }

  @AfterAll
  static void stopOperator() {
    operator.close();
  }
}
