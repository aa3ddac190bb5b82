package io.streampipe.operator;

import io.streampipe.operator.runtime.Backends;
import io.streampipe.operator.topics.InMemoryTopicAdmins;
import io.streampipe.provisioning.InMemorySchemaProvisioner;

/**
 * {@link OperatorMain} against fabric8's mock API server, from the test classpath: the same start,
 * signals and shutdown, with Cassandra and the Admin-API topics in memory and Server-Side Apply
 * off, which the mock server lacks.
 */
public final class MockApiServerMain {
  private MockApiServerMain() {}

  public static void main(String[] args) throws Exception {
    OperatorMain.run(System.getenv(), inMemory());
  }

  static Backends inMemory() {
    InMemorySchemaProvisioner schemas = new InMemorySchemaProvisioner();
    return new Backends(connection -> schemas, new InMemoryTopicAdmins(), false);
  }
}
