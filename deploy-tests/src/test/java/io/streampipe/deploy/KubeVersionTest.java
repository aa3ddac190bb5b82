package io.streampipe.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The minimum Kubernetes version is declared once, in Chart.yaml's kubeVersion (the operator's
 * CrdKubeVersionTest holds the CRD to it): the chart renders there, Helm refuses older clusters,
 * and the READMEs and the Terraform examples say no less.
 */
class KubeVersionTest {

  @Test
  void theChartRendersAtTheMinimumAndHelmRefusesOlderClusters() throws IOException {
    int minimum = minimumMinor();
    for (Path values : ChartRenderer.ciValuesFiles()) {
      String rendered =
          ChartRenderer.command()
              .withKubeVersion("1." + minimum + ".0")
              .withValuesFile(values)
              .call();
      assertThat(StrictManifests.parseAll(rendered))
          .as(values.getFileName().toString())
          .isNotEmpty();
    }
    assertThatThrownBy(
            () -> ChartRenderer.command().withKubeVersion("1." + (minimum - 1) + ".9").call())
        .hasMessageContaining("kubeVersion");
  }

  @Test
  void theDocsAndTerraformStateTheMinimum() throws IOException {
    int minimum = minimumMinor();
    assertThat(read(DeployPaths.project().resolve("README.md")))
        .contains("Supported Kubernetes versions: 1." + minimum + " and newer");
    assertThat(read(DeployPaths.chart().resolve("README.md")))
        .contains("Needs Kubernetes 1." + minimum + " or newer");
    Path examples = DeployPaths.terraform().resolve("examples");
    assertThat(
            floor(read(examples.resolve("existing-cluster/README.md")), "Kubernetes ≥ 1\\.(\\d+)"))
        .isGreaterThanOrEqualTo(minimum);
    String eks = read(examples.resolve("eks/variables.tf"));
    assertThat(
            floor(
                eks, "tonumber\\(split\\(\"\\.\", var\\.kubernetes_version\\)\\[1\\]\\) >= (\\d+)"))
        .as("the eks kubernetes_version validation")
        .isGreaterThanOrEqualTo(minimum);
    assertThat(floor(eks, "default\\s+= \"1\\.(\\d+)\""))
        .as("the eks default version")
        .isGreaterThanOrEqualTo(minimum);
  }

  static int minimumMinor() throws IOException {
    String declared =
        new ObjectMapper(new YAMLFactory())
            .readTree(DeployPaths.chart().resolve("Chart.yaml").toFile())
            .path("kubeVersion")
            .asText();
    return floor(declared, "^>=1\\.(\\d+)\\.0-0$");
  }

  private static int floor(String text, String regex) {
    Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
    assertThat(m.find())
        .as("%s in:%n%s", regex, text.substring(0, Math.min(300, text.length())))
        .isTrue();
    return Integer.parseInt(m.group(1));
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
