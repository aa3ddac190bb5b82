package io.streampipe.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streampipe.operator.desired.DesiredIngestDeployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Image names come from the pom only, and the Dockerfiles build what the contracts expect. */
class ImagesTest {

  private static final Pattern ARG = Pattern.compile("(?m)^ARG\\s+(\\w+)=(\\S+)");

  @Test
  void chartUsesThePomsImages() throws IOException {
    JsonNode values =
        StrictManifests.YAML.readTree(DeployPaths.chart().resolve("values.yaml").toFile());
    JsonNode chart =
        StrictManifests.YAML.readTree(DeployPaths.chart().resolve("Chart.yaml").toFile());

    assertThat(values.at("/image/repository").asText() + ":" + values.at("/image/tag").asText())
        .isEqualTo(DeployPaths.pomImage("streampipe.operator.image"));
    assertThat(
            values.at("/jobImage/repository").asText() + ":" + values.at("/jobImage/tag").asText())
        .isEqualTo(DeployPaths.pomImage("streampipe.job.image"));
    assertThat(chart.path("appVersion").asText())
        .isEqualTo(System.getProperty("streampipe.image.tag"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"operator", "pipeline-job"})
  void baseImagesArePinnedAndTheFinalStageIsLeanAndNonRoot(String image) throws IOException {
    String dockerfile = dockerfile(image);
    Map<String, String> args = args(dockerfile);
    List<String> stages = stages(dockerfile);
    String last = stages.get(stages.size() - 1);

    assertThat(stages).hasSizeGreaterThan(1);
    for (String stage : stages) {
      String from = stage.lines().findFirst().orElseThrow().split("\\s+")[1];
      String resolved = args.getOrDefault(from.replaceAll("^\\$\\{(\\w+)}$", "$1"), from);
      assertThat(resolved)
          .as(from)
          .matches("[a-z0-9./_-]+:[A-Za-z0-9._-]*[0-9][A-Za-z0-9._-]*")
          .doesNotContain(":latest");
    }
    assertThat(last).containsPattern("(?m)^USER [1-9][0-9]*(:[1-9][0-9]*)?$");
    assertThat(last)
        .as("no build tools or sources in the final image")
        .doesNotContain("mvnw", "mvn ", "COPY . .", "-jdk");
    assertThat(args.get("JRE_IMAGE")).contains("-jre");
  }

  @Test
  void operatorImageRunsTheOperatorMain() throws IOException {
    assertThat(dockerfile("operator")).contains("\"io.streampipe.operator.OperatorMain\"");
  }

  @Test
  void jobImageCarriesSparkOfThePomsVersionAndTheJarWhereTheOperatorLooks() throws IOException {
    String dockerfile = dockerfile("pipeline-job");
    Map<String, String> args = args(dockerfile);

    assertThat(args).containsEntry("SPARK_VERSION", System.getProperty("spark.version"));
    assertThat(args)
        .containsEntry("SCALA_BINARY_VERSION", System.getProperty("scala.binary.version"));
    assertThat(dockerfile)
        .contains("/opt/streampipe/pipeline-job.jar", "ENTRYPOINT [\"/opt/entrypoint.sh\"]");
    Path operatorConfig =
        DeployPaths.project()
            .resolve("operator/src/main/java/io/streampipe/operator/OperatorConfig.java");
    assertThat(operatorConfig).exists();
    assertThat(Files.readString(operatorConfig))
        .contains("local:///opt/streampipe/pipeline-job.jar");
    Path sparkApplication =
        DeployPaths.project()
            .resolve(
                "operator/src/main/java/io/streampipe/operator/desired/DesiredSparkApplication.java");
    assertThat(sparkApplication).exists();
    assertThat(Files.readString(sparkApplication)).contains("SPARK_UID = 185");
    assertThat(dockerfile).contains("USER 185:185");
  }

  @Test
  void jobImageCarriesTheIngesterOnTheClassPathTheOperatorsDeploymentUses() throws IOException {
    String dockerfile = dockerfile("pipeline-job");
    String launcher =
        Files.readString(DeployPaths.project().resolve("deploy/docker/streampipe.sh"));
    String cliPom = Files.readString(DeployPaths.project().resolve("cli/pom.xml"));

    // The CLI's runtime jars, the ingester's among them, go to /opt/streampipe/lib.
    assertThat(dockerfile).contains("-pl pipeline-job,cli", "/out/cli-lib/ /opt/streampipe/lib/");
    assertThat(cliPom).contains("<artifactId>streampipe-ingest</artifactId>");
    assertThat(launcher).contains("-cp \"" + DesiredIngestDeployment.CLASSPATH + "\"");
  }

  @Test
  void jobImageOpensWhatSparkNeedsOnJdk17() throws IOException {
    Matcher options =
        Pattern.compile("ENV JDK_JAVA_OPTIONS=\"([^\"]*)\"").matcher(dockerfile("pipeline-job"));

    assertThat(options.find()).isTrue();
    assertThat(Arrays.asList(options.group(1).split("\\s+")))
        .containsAll(Arrays.asList(System.getProperty("spark.jvm.opens").trim().split("\\s+")));
  }

  private static String dockerfile(String image) throws IOException {
    return Files.readString(
        DeployPaths.project().resolve("deploy/docker/" + image + ".Dockerfile"));
  }

  private static Map<String, String> args(String dockerfile) {
    Map<String, String> args = new HashMap<>();
    Matcher m = ARG.matcher(dockerfile);
    while (m.find()) {
      args.put(m.group(1), m.group(2));
    }
    return args;
  }

  /** The Dockerfile split at each FROM, each part starting with its FROM line. */
  private static List<String> stages(String dockerfile) {
    List<String> stages = new ArrayList<>();
    for (String part : dockerfile.split("(?m)^(?=FROM )")) {
      if (part.startsWith("FROM ")) {
        stages.add(part);
      }
    }
    return stages;
  }
}
