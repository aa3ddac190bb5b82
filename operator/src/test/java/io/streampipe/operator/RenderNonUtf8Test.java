package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.streampipe.api.JobContract;
import io.streampipe.api.PipelineDocuments;
import io.streampipe.operator.desired.DesiredConfigMap;
import io.streampipe.operator.desired.DesiredSparkApplication;
import io.streampipe.operator.desired.ResolvedPipeline;
import io.streampipe.operator.render.RenderMain;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Render and the job's ConfigMap where the default charset is ASCII, as with no LANG: a pipeline's
 * non-ASCII values reach the printed YAML and the job's spec file intact.
 */
class RenderNonUtf8Test {
  private static final List<String> GENDERS = List.of("männlich", "weiblich", "日本");

  @TempDir Path dir;

  @Test
  void renderPrintsNonAsciiValuesIntact() throws Exception {
    Path out = dir.resolve("out.yaml");
    Path err = dir.resolve("err.txt");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=US-ASCII",
                "-Dsun.stdout.encoding=US-ASCII",
                "-Dsun.stderr.encoding=US-ASCII",
                "-cp",
                System.getProperty("java.class.path"),
                RenderMain.class.getName(),
                "-f",
                pipelineFile().toString())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().keySet().removeIf(k -> k.equals("LANG") || k.startsWith("LC_"));
    Process render = builder.start();

    assertThat(render.waitFor(60, TimeUnit.SECONDS)).as("render finished").isTrue();
    assertThat(render.exitValue()).as(Files.readString(err, StandardCharsets.UTF_8)).isZero();
    String yaml = Files.readString(out, StandardCharsets.UTF_8);
    for (String gender : GENDERS) {
      assertThat(yaml).contains(gender);
    }
  }

  @Test
  void theConfigMapHandsTheJobTheSameValues() throws Exception {
    var document = PipelineDocuments.read(pipelineFile());
    ResolvedPipeline pipeline =
        ResolvedPipeline.of(
            TestPipelines.stored(new StreamingPipeline("streams", "users", document.spec())),
            OperatorConfig.defaults(),
            Optional.empty());
    ConfigMap config = DesiredConfigMap.build(pipeline);
    // The kubelet writes the ConfigMap's text to the job's volume as UTF-8.
    Path mounted = dir.resolve(JobContract.SPEC_FILE_NAME);
    Files.write(
        mounted, config.getData().get(JobContract.SPEC_FILE_NAME).getBytes(StandardCharsets.UTF_8));

    var fields = PipelineDocuments.read(mounted).spec().getSchema().getFields();
    assertThat(fields)
        .filteredOn(f -> f.getName().equals("gender"))
        .singleElement()
        .satisfies(f -> assertThat(f.getRules().getAllowedValues()).isEqualTo(GENDERS));
  }

  @Test
  void theJobsJvmsAreToldToUseUtf8() {
    var spec =
        DesiredSparkApplication.build(
                ResolvedPipeline.of(
                    TestPipelines.stored(TestPipelines.users("streams", "users")),
                    OperatorConfig.defaults(),
                    Optional.empty()))
            .getAdditionalProperties()
            .get("spec");
    Map<?, ?> sparkConf = (Map<?, ?>) ((Map<?, ?>) spec).get("sparkConf");
    assertThat(sparkConf.get("spark.driver.extraJavaOptions").toString())
        .contains("-Dfile.encoding=UTF-8");
    assertThat(sparkConf.get("spark.executor.extraJavaOptions").toString())
        .contains("-Dfile.encoding=UTF-8");
  }

  private Path pipelineFile() throws Exception {
    Path file = dir.resolve("pipeline.yaml");
    String yaml =
        Files.readString(
                TestPipelines.projectDir().resolve("examples/users-pipeline.yaml"),
                StandardCharsets.UTF_8)
            .replace(
                "allowedValues: [male, female]", "allowedValues: [männlich, weiblich, \"日本\"]");
    assertThat(yaml).contains("männlich");
    Files.write(file, yaml.getBytes(StandardCharsets.UTF_8));
    return file;
  }
}
