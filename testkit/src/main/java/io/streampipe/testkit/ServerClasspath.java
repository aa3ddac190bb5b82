package io.streampipe.testkit;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The jars of one server, resolved by Maven when the testkit was built and listed in a resource.
 */
record ServerClasspath(List<Path> jars) {

  static ServerClasspath load(String server) {
    String resource = "/io/streampipe/testkit/" + server + ".classpath";
    try (InputStream in = ServerClasspath.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing: build the testkit with Maven");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)).requireAllPresent();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ServerClasspath parse(String classpath) {
    return new ServerClasspath(
        Arrays.stream(classpath.strip().split(Pattern.quote(File.pathSeparator)))
            .filter(entry -> !entry.isBlank())
            .map(Path::of)
            .toList());
  }

  /** The jar of {@code artifactId}, e.g. {@code jamm} for {@code .../jamm-0.4.0.jar}. */
  Path jar(String artifactId) {
    Pattern name = Pattern.compile(Pattern.quote(artifactId) + "-\\d[^/]*\\.jar");
    return jars.stream()
        .filter(jar -> name.matcher(jar.getFileName().toString()).matches())
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(artifactId + " is not on the classpath"));
  }

  String asArgument() {
    return String.join(File.pathSeparator, jars.stream().map(Path::toString).toList());
  }

  private ServerClasspath requireAllPresent() {
    List<Path> missing = jars.stream().filter(jar -> !Files.isRegularFile(jar)).toList();
    if (!missing.isEmpty()) {
      // The list holds absolute paths into the local repository of the machine that built the jar.
      throw new IllegalStateException("rebuild the testkit; jars missing: " + missing);
    }
    return this;
  }
}
