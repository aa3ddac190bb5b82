package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The generated CRD on a real API server (k3s): it installs, so its CEL rules pass the server's
 * compilation and cost checks. Skipped where Docker is absent.
 */
class OperatorK3sIT {
  @Test
  void generatedCrdInstallsOnARealApiServer() throws Exception {
    Assumptions.assumeTrue(
        dockerAvailable(), "Docker is not available here: skipping the k3s test (needs Docker)");
    try (K3sContainer k3s = new K3sContainer(DockerImageName.parse("rancher/k3s:v1.31.4-k3s1"))) {
      k3s.start();
      try (KubernetesClient client =
          new KubernetesClientBuilder()
              .withConfig(Config.fromKubeconfig(k3s.getKubeConfigYaml()))
              .build()) {
        Path crd =
            Path.of("target/classes/META-INF/fabric8/streamingpipelines.streampipe.io-v1.yml");
        try (var in = Files.newInputStream(crd)) {
          client.apiextensions().v1().customResourceDefinitions().load(in).create();
        }
        assertThat(
                client
                    .apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .withName("streamingpipelines.streampipe.io")
                    .get())
            .isNotNull();
      }
    }
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | Error e) {
      return false;
    }
  }
}
