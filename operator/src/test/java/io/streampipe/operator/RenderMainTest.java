package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.operator.render.RenderMain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code streampipe render} on the reference pipeline and on a broken one. */
class RenderMainTest {
  @Test
  void rendersEveryResourceOfTheExample() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        RenderMain.run(
            new String[] {"-f", example().toString(), "--namespace", "streams"},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err);
    String yaml = out.toString(StandardCharsets.UTF_8);
    assertThat(code).isZero();
    assertThat(yaml)
        .contains("CREATE TABLE IF NOT EXISTS \"spark_streams\".\"created_users\"")
        .contains("kind: \"ConfigMap\"")
        .contains("kind: \"PersistentVolumeClaim\"")
        .contains("kind: \"SparkApplication\"")
        .contains("kind: \"PodMonitor\"")
        .contains("namespace: \"streams\"")
        .contains("ensures the topics over the Kafka Admin API at localhost:9092")
        .contains("#   users_created: 3 partitions, replication factor 1")
        .doesNotContain("kind: \"KafkaTopic\"");
  }

  @Test
  void rendersTopicsWhenAStrimziClusterIsNamed(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("p.yaml");
    Files.writeString(
        file,
        Files.readString(example())
            .replace("bootstrapServers: localhost:9092", "kafkaCluster: events"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(
            RenderMain.run(
                new String[] {"-f", file.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err))
        .isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("kind: \"KafkaTopic\"")
        .contains("topicName: \"users_created\"")
        .contains("strimzi.io/cluster: \"events\"");
  }

  @Test
  void refusesAnInvalidPipelineListingProblems(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, Files.readString(example()).replace("ttl: 20m", "ttl: forever"));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        RenderMain.run(
            new String[] {"-f", file.toString()},
            System.out,
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("spec.sink.cassandra.ttl");
  }

  @Test
  void helpAndBadUsageBehaveLikeEveryOtherCommand() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

    assertThat(RenderMain.run(new String[] {"--help"}, outStream, errStream)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("Usage: streampipe render")
        .contains("-f, --file=<file>", "-n, --namespace=", "--kafka-cluster=", "-h, --help");

    assertThat(RenderMain.run(new String[] {"-f", "p.yaml", "--frobnicate"}, outStream, errStream))
        .isEqualTo(2);
    assertThat(RenderMain.run(new String[] {}, outStream, errStream)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("Unknown option: '--frobnicate'")
        .contains("Missing required option: '--file=<file>'");
  }

  private static Path example() {
    return TestPipelines.projectDir().resolve("examples/users-pipeline.yaml");
  }
}
