package io.streampipe.job.avro;

import io.streampipe.api.JobContract;
import io.streampipe.provisioning.registry.RegistryLogin;
import io.streampipe.provisioning.registry.SchemaRegistryClient;
import java.time.Duration;
import java.util.Map;

/**
 * The schema registry settings of the job's environment: an address that overrides the document's
 * {@code registry.url} (as the Kafka and Cassandra addresses are overridden, e.g. in compose), and
 * the basic-auth login the operator fills from the pipeline's {@code registry.credentialsSecret}.
 * Its toString never shows the password (nor does {@link RegistryLogin}'s).
 *
 * @param url null to keep the document's
 * @param login null for a registry without authentication
 */
public record RegistryAccess(String url, RegistryLogin login) {

  public static RegistryAccess from(Map<String, String> env) {
    String username = blankToNull(env.get(JobContract.ENV_REGISTRY_USERNAME));
    String password = env.get(JobContract.ENV_REGISTRY_PASSWORD);
    return new RegistryAccess(
        blankToNull(env.get(JobContract.ENV_REGISTRY_URL)),
        username == null ? null : new RegistryLogin(username, password == null ? "" : password));
  }

  /** A client of the registry at this address, or at {@code documentUrl} when none is set. */
  public SchemaRegistryClient client(String documentUrl, int attempts, Duration backoff) {
    return SchemaRegistryClient.of(url != null ? url : documentUrl, login, attempts, backoff);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
