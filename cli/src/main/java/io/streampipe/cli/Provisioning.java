package io.streampipe.cli;

import io.streampipe.api.JobContract;
import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.provisioning.CassandraConnection;
import io.streampipe.provisioning.PipelineConnections;
import io.streampipe.provisioning.PipelineProvisioner;
import io.streampipe.provisioning.ProvisioningSummary;
import io.streampipe.provisioning.registry.RegistryLogin;
import io.streampipe.provisioning.registry.RegistryUnavailableException;
import java.io.PrintWriter;

/**
 * Creates or evolves a pipeline's topics, table and registered Avro schema, with the code the
 * operator uses too.
 */
public final class Provisioning {
  private Provisioning() {}

  /**
   * Provisions a validated, defaulted pipeline; prints what changed; fails if anything was refused.
   */
  public static void provision(ValidPipeline pipeline, PrintWriter out) {
    var spec = pipeline.spec();
    String bootstrap = ConnectionOptions.bootstrapOf(spec);
    Endpoints.requireReachable("Kafka", bootstrap, 9092);
    Endpoints.requireReachable(
        "Cassandra", String.join(",", spec.getSink().getCassandra().getContactPoints()), 9042);
    PipelineConnections connections =
        new PipelineConnections(
            bootstrap, cassandra(PipelineConnections.fromSpec(spec).cassandra()), registryLogin());
    ProvisioningSummary summary;
    try {
      summary = PipelineProvisioner.provision(pipeline, connections);
    } catch (RegistryUnavailableException e) {
      throw new UserException(e.getMessage() + "; nothing was applied");
    }
    summary.lines().forEach(line -> out.println("  " + line));
    if (!summary.isReady()) {
      throw new UserException(
          "pipeline " + pipeline.name() + " was not provisioned: see the lines above");
    }
    out.println("  topics and table of " + pipeline.name() + " are ready");
  }

  /** The schema registry's basic-authentication login from the environment; null for none. */
  public static RegistryLogin registryLogin() {
    String user = System.getenv(JobContract.ENV_REGISTRY_USERNAME);
    return user == null
        ? null
        : new RegistryLogin(user, System.getenv(JobContract.ENV_REGISTRY_PASSWORD));
  }

  /** Credentials come from the environment only, as the operator passes them from a Secret. */
  public static CassandraConnection cassandra(CassandraConnection connection) {
    String user = System.getenv(JobContract.ENV_CASSANDRA_USERNAME);
    String password = System.getenv(JobContract.ENV_CASSANDRA_PASSWORD);
    return user == null ? connection : connection.withCredentials(user, password);
  }
}
