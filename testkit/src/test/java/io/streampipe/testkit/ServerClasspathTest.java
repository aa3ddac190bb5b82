package io.streampipe.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ServerClasspathTest {
  private static final String CLASSPATH =
      "/m2/com/github/jbellis/jamm/0.4.0/jamm-0.4.0.jar:"
          + "/m2/org/apache/cassandra/cassandra-all/5.0.9/cassandra-all-5.0.9.jar:"
          + "/m2/org/example/jamm-extras/1.0/jamm-extras-1.0.jar\n";

  @Test
  void parsesTheListWrittenByTheBuild() {
    ServerClasspath classpath = ServerClasspath.parse(CLASSPATH);

    assertThat(classpath.jars()).hasSize(3);
    assertThat(classpath.asArgument()).isEqualTo(CLASSPATH.strip());
  }

  @Test
  void findsAJarByItsArtifactIdOnly() {
    ServerClasspath classpath = ServerClasspath.parse(CLASSPATH);

    assertThat(classpath.jar("jamm"))
        .isEqualTo(Path.of("/m2/com/github/jbellis/jamm/0.4.0/jamm-0.4.0.jar"));
    assertThatThrownBy(() -> classpath.jar("netty")).hasMessageContaining("netty");
  }

  @Test
  void bothServerClasspathsAreBuiltIntoTheJarAndPresent() {
    assertThat(ServerClasspath.load("kafka-server").jar("kafka_2.13")).exists();
    assertThat(ServerClasspath.load("cassandra-server").jar("cassandra-all")).exists();
  }
}
