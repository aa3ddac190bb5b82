package io.streampipe.operator;

import io.streampipe.operator.progress.ProgressEndpoints;
import io.streampipe.operator.runtime.Backends;
import io.streampipe.operator.topics.InMemoryTopicAdmins;
import io.streampipe.provisioning.InMemorySchemaProvisioner;
import java.util.Map;

/**
 * {@link OperatorMain} against fabric8's mock API server, from the test classpath: the same start,
 * signals and shutdown, with Cassandra and the Admin-API topics in memory, Server-Side Apply off,
 * which the mock server lacks, and the jobs' progress read from the test's {@link PlayedJob} at
 * {@value #PLAYED_JOB} when set (the driver Services' names resolve nowhere here).
 */
public final class MockApiServerMain {
  /** The base URL of the test JVM's played job. */
  static final String PLAYED_JOB = "STREAMPIPE_TEST_PLAYED_JOB_URL";

  private MockApiServerMain() {}

  public static void main(String[] args) throws Exception {
    OperatorMain.run(System.getenv(), inMemory(System.getenv()));
  }

  static Backends inMemory(Map<String, String> env) {
    InMemorySchemaProvisioner schemas = new InMemorySchemaProvisioner();
    String played = env.get(PLAYED_JOB);
    return new Backends(
        connection -> schemas,
        new InMemoryTopicAdmins(),
        false,
        played == null ? ProgressEndpoints.SERVICE : PlayedJob.at(played));
  }
}
