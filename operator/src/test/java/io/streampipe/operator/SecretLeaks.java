package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.streampipe.api.JobContract;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reliability scenario 8 on the operator's side: pipelines take their Cassandra login from a
 * Secret, and its password appears in nothing the operator wrote or said: its log, the events, the
 * pipelines' status, the rendered parts.
 */
final class SecretLeaks {
  static final String SECRET = "cassandra-login";
  static final String PASSWORD = "pw-" + UUID.randomUUID();

  private SecretLeaks() {}

  /** The Secret as the API server stores it: base64 data. */
  static void createSecret(KubernetesClient client, String namespace) {
    createSecret(client, namespace, SECRET);
  }

  /** The same login under another name, e.g. a schema registry's. */
  static void createSecret(KubernetesClient client, String namespace, String name) {
    Base64.Encoder base64 = Base64.getEncoder();
    client
        .secrets()
        .inNamespace(namespace)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .addToData(
                    JobContract.SECRET_USERNAME_KEY,
                    base64.encodeToString("streampipe".getBytes(StandardCharsets.UTF_8)))
                .addToData(
                    JobContract.SECRET_PASSWORD_KEY,
                    base64.encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8)))
                .build())
        .create();
  }

  /** Every output, by where it came from; the Secret itself excluded. */
  static Map<String, String> outputs(KubernetesClient client, String namespace, List<Path> logs)
      throws IOException {
    MockCluster cluster = new MockCluster(client);
    Map<String, String> outputs = new LinkedHashMap<>();
    for (Path log : logs) {
      outputs.put(log.toString(), Files.readString(log, StandardCharsets.ISO_8859_1));
    }
    outputs.put("events", yaml(client.v1().events().inNamespace(namespace).list()));
    outputs.put(
        "pipelines", yaml(client.resources(StreamingPipeline.class).inNamespace(namespace).list()));
    outputs.put("configmaps", yaml(client.configMaps().inNamespace(namespace).list()));
    outputs.put("services", yaml(client.services().inNamespace(namespace).list()));
    outputs.put("claims", yaml(client.persistentVolumeClaims().inNamespace(namespace).list()));
    outputs.put(
        "sparkapplications", yaml(cluster.sparkApplications().inNamespace(namespace).list()));
    // Strimzi's and the Prometheus Operator's kinds exist only where their CRDs were loaded.
    if (served(client, "kafkatopics.kafka.strimzi.io")) {
      outputs.put("topics", yaml(cluster.topics().inNamespace(namespace).list()));
    }
    if (served(client, "podmonitors.monitoring.coreos.com")) {
      outputs.put("podmonitors", yaml(cluster.podMonitors().inNamespace(namespace).list()));
    }
    return outputs;
  }

  static void assertNoPasswordIn(Map<String, String> outputs) {
    assertNoPasswordIn(outputs, SECRET);
  }

  /** The job takes the login of Secret {@code name} by reference, and its password is nowhere. */
  static void assertNoPasswordIn(Map<String, String> outputs, String name) {
    assertThat(outputs.get("sparkapplications"))
        .as("the job takes the login by reference")
        .contains(name);
    String encoded = Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8));
    outputs.forEach(
        (where, text) ->
            assertThat(text).as("the password in " + where).doesNotContain(PASSWORD, encoded));
  }

  private static boolean served(KubernetesClient client, String crd) {
    return client.apiextensions().v1().customResourceDefinitions().withName(crd).get() != null;
  }

  private static String yaml(Object list) {
    return Serialization.asYaml(list);
  }
}
