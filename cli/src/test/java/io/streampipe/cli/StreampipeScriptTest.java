package io.streampipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./streampipe} script in a copy of the project's layout, with a {@code mvnw} that
 * does what Maven's package leaves behind (and counts its calls), so the script's build check runs
 * in seconds: a second call with no source change must not build again.
 */
class StreampipeScriptTest {
  private static final Path PROJECT = Path.of(System.getProperty("streampipe.project.dir", ".."));
  private static final String BUILDING = "streampipe: building the cli module";

  @TempDir Path root;

  @BeforeEach
  void copyTheLayout() throws IOException {
    Path script = root.resolve("streampipe");
    Files.copy(PROJECT.resolve("streampipe"), script);
    Files.copy(PROJECT.resolve("pom.xml"), root.resolve("pom.xml"));
    executable(script);
    for (String source :
        List.of(
            "api/src/main/java/Api.java",
            "provisioning/src/main/java/Provisioning.java",
            "pipeline-job/src/main/java/Job.java",
            "testkit/src/servers/cassandra/pom.xml",
            "cli/src/main/java/Cli.java")) {
      Path file = root.resolve(source);
      Files.createDirectories(file.getParent());
      Files.writeString(file, "// " + source + "\n", StandardCharsets.UTF_8);
    }
    Path oldJar = root.resolve("earlier-build.jar");
    new JarOutputStream(Files.newOutputStream(oldJar)).close();
    Path mvnw = root.resolve("mvnw");
    Files.writeString(mvnw, fakeMaven(oldJar), StandardCharsets.UTF_8);
    executable(mvnw);
    Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
    try (var files = Files.walk(root)) {
      for (Path file : files.toList()) {
        Files.setLastModifiedTime(file, FileTime.from(hourAgo));
      }
    }
  }

  @Test
  void buildsOnceThenStartsAtOnce() throws Exception {
    Run first = streampipe("--version");
    assertThat(first.err()).contains(BUILDING);
    assertThat(first.out()).startsWith("streampipe ");

    Run second = streampipe("--version");

    assertThat(second.err()).doesNotContain(BUILDING);
    assertThat(second.out()).isEqualTo(first.out());
    assertThat(builds()).hasSize(1);
    assertThat(root.resolve("cli/target/streampipe-build.stamp")).exists();
  }

  @Test
  void aChangedSourceBuildsOnceEvenWhenThePackageLeavesTheJarAlone() throws Exception {
    streampipe("--version");
    Path source = root.resolve("api/src/main/java/Api.java");
    Files.writeString(source, "// changed\n", StandardCharsets.UTF_8);

    Run rebuild = streampipe("--version");
    Run after = streampipe("--version");

    assertThat(rebuild.err()).contains(BUILDING);
    assertThat(after.err()).doesNotContain(BUILDING);
    assertThat(builds()).hasSize(2);
  }

  /**
   * A stand-in for Maven's package: a jar that keeps the time of an earlier build (a no-op package
   * leaves it alone), the classpath file, and testkit's server pom under target/, which every real
   * build rewrites.
   */
  private static String fakeMaven(Path oldJar) {
    return """
        #!/bin/sh
        echo "$*" >> builds.log
        mkdir -p cli/target testkit/target/servers/cassandra
        cp -p '%s' cli/target/streampipe-cli-0.1.0.jar
        printf '%%s' '%s' > cli/target/classpath.txt
        cp testkit/src/servers/cassandra/pom.xml testkit/target/servers/cassandra/pom.xml
        """
        .formatted(oldJar, System.getProperty("java.class.path"));
  }

  private List<String> builds() throws IOException {
    return Files.readAllLines(root.resolve("builds.log"), StandardCharsets.UTF_8);
  }

  private Run streampipe(String... args) throws Exception {
    Path out = root.resolve("out.txt");
    Path err = root.resolve("err.txt");
    List<String> command = new ArrayList<>(List.of(root.resolve("streampipe").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(root.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().put("STREAMPIPE_JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("STREAMPIPE_JAVA_OPTS", "-Xmx128m");
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("streampipe finished").isTrue();
    Run run =
        new Run(
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    assertThat(process.exitValue()).as(run.err()).isZero();
    return run;
  }

  private static void executable(Path file) throws IOException {
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private record Run(String out, String err) {}
}
