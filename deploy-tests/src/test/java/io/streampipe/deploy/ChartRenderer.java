package io.streampipe.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** Renders the chart with real Helm (helm-java) as a cluster of a known version would. */
final class ChartRenderer {

  static final String RELEASE = "streampipe";
  static final String NAMESPACE = "streampipe-system";
  // Helm assumes Kubernetes 1.20 unless told; a currently supported cluster here, and the chart's
  // declared minimum (kubeVersion) in KubeVersionTest.
  static final String KUBE_VERSION = "1.31.0";

  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

  private ChartRenderer() {}

  /** The values sets in the chart's ci/ directory, the chart-testing convention. */
  static List<Path> ciValuesFiles() {
    try (Stream<Path> files = Files.list(DeployPaths.chart().resolve("ci"))) {
      return files
          .filter(f -> f.getFileName().toString().endsWith("-values.yaml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path ciValues(String name) {
    return DeployPaths.chart().resolve("ci").resolve(name + "-values.yaml");
  }

  static String template(Path valuesFile) {
    return CACHE.computeIfAbsent(
        valuesFile.toString(), k -> command().withValuesFile(valuesFile).call());
  }

  static List<HasMetadata> resources(String ciValuesName) {
    return StrictManifests.parseAll(template(ciValues(ciValuesName)));
  }

  /** A fresh command, for callers that add --set style overrides. */
  static TemplateCommand command() {
    return new Helm(DeployPaths.chart())
        .template()
        .withName(RELEASE)
        .withNamespace(NAMESPACE)
        .withKubeVersion(KUBE_VERSION);
  }

  static <T extends HasMetadata> List<T> ofType(List<HasMetadata> resources, Class<T> type) {
    return resources.stream().filter(type::isInstance).map(type::cast).toList();
  }

  static <T extends HasMetadata> T single(List<HasMetadata> resources, Class<T> type) {
    List<T> found = ofType(resources, type);
    if (found.size() != 1) {
      throw new AssertionError("expected one " + type.getSimpleName() + ", found " + found.size());
    }
    return found.get(0);
  }
}
