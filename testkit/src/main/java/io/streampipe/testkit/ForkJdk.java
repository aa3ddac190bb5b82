package io.streampipe.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * Chooses the JDK the servers are forked with, because Cassandra 5 dies on anything newer than 17.
 */
final class ForkJdk {
  static final String PROPERTY = "streampipe.fork.java.home";
  static final String ENV = "STREAMPIPE_FORK_JAVA_HOME";
  static final Path DEBIAN_JDK_17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");

  private ForkJdk() {}

  static Path javaExecutable() {
    return home().resolve("bin").resolve("java");
  }

  static Path home() {
    return resolve(
        System.getProperty(PROPERTY),
        System.getenv(ENV),
        Path.of(System.getProperty("java.home")),
        Runtime.version().feature(),
        Files::isDirectory);
  }

  static Path resolve(
      String property, String env, Path current, int currentFeature, Predicate<Path> exists) {
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    if (currentFeature == 17) {
      return current;
    }
    // Without a JDK 17 the broker still runs; Cassandra's log tail then tells the user why it died.
    return exists.test(DEBIAN_JDK_17) ? DEBIAN_JDK_17 : current;
  }
}
