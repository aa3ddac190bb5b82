package io.streampipe.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the deployables and the shared upstream material are, as the build passes them in. */
final class DeployPaths {

  private DeployPaths() {}

  static Path project() {
    return Path.of(System.getProperty("streampipe.project.dir", "..")).toAbsolutePath().normalize();
  }

  static Path shared() {
    String dir = System.getProperty("streampipe.shared.dir");
    return dir == null
        ? project().resolveSibling("shared")
        : Path.of(dir).toAbsolutePath().normalize();
  }

  static Path chart() {
    String dir = System.getProperty("streampipe.chart.dir");
    return dir == null
        ? project().resolve("helm/streampipe-operator")
        : Path.of(dir).toAbsolutePath().normalize();
  }

  static Path terraform() {
    return project().resolve("terraform");
  }

  static Path dashboard() {
    return chart().resolve("dashboards/streampipe-pipeline-dashboard.json");
  }

  static Path sharedCrd(String name) {
    Path crd = shared().resolve("crds").resolve(name);
    if (!Files.isRegularFile(crd)) {
      throw new IllegalStateException(crd + " is missing: set -Dstreampipe.shared.dir");
    }
    return crd;
  }

  /** An image name from the parent pom (the one place they are set), passed in by surefire. */
  static String pomImage(String property) {
    String image = System.getProperty(property);
    if (image == null || image.isBlank() || image.contains("${")) {
      throw new IllegalStateException("system property " + property + " is not set by the pom");
    }
    return image;
  }
}
