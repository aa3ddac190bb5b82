package io.streampipe.operator.schema;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.streampipe.api.JobContract;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** Cassandra credentials read from a pipeline's Secret; never printed. */
public record CassandraCredentials(String username, String password) {

  /**
   * The credentials in the named Secret; empty when the Secret or one of its keys is missing.
   *
   * @param secret null when the pipeline needs no credentials
   */
  public static Optional<CassandraCredentials> read(
      KubernetesClient client, String namespace, String secret) {
    Secret found = client.secrets().inNamespace(namespace).withName(secret).get();
    if (found == null || found.getData() == null) {
      return Optional.empty();
    }
    Map<String, String> data = found.getData();
    String user = data.get(JobContract.SECRET_USERNAME_KEY);
    String password = data.get(JobContract.SECRET_PASSWORD_KEY);
    if (user == null || password == null) {
      return Optional.empty();
    }
    return Optional.of(new CassandraCredentials(decode(user), decode(password)));
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8).trim();
  }

  @Override
  public String toString() {
    return "CassandraCredentials[username=" + username + ", password=****]";
  }
}
