package io.streampipe.job.avro;

import io.streampipe.api.JobContract;
import io.streampipe.provisioning.registry.SchemaRegistryClient;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;

/**
 * The schema registry settings of the job's environment: an address that overrides the document's
 * {@code registry.url} (as the Kafka and Cassandra addresses are overridden, e.g. in compose), and
 * the basic-auth login the operator fills from the pipeline's {@code registry.credentialsSecret}.
 * Its toString never shows the password.
 *
 * @param url null to keep the document's
 * @param username null for a registry without authentication
 */
public record RegistryAccess(String url, String username, String password) implements Serializable {
  public static final RegistryAccess NONE = new RegistryAccess(null, null, null);

  public static RegistryAccess from(Map<String, String> env) {
    String url = blankToNull(env.get(JobContract.ENV_REGISTRY_URL));
    String username = blankToNull(env.get(JobContract.ENV_REGISTRY_USERNAME));
    String password = env.get(JobContract.ENV_REGISTRY_PASSWORD);
    return new RegistryAccess(
        url, username, username == null ? null : password == null ? "" : password);
  }

  /** A client of the registry at this address, or at {@code documentUrl} when none is set. */
  public SchemaRegistryClient client(String documentUrl, int attempts, Duration backoff) {
    return new SchemaRegistryClient(
        url != null ? url : documentUrl, username, password, attempts, backoff);
  }

  @Override
  public String toString() {
    return "RegistryAccess[url="
        + url
        + ", username="
        + (username == null ? "none" : "set")
        + ", password="
        + (password == null ? "none" : "****")
        + "]";
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
