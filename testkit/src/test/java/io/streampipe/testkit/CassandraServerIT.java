package io.streampipe.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CassandraServerIT {
  private static final Path JDK_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

  @Test
  void aFailedStartReportsTheTailOfTheServerLog() {
    assumeTrue(Files.isDirectory(JDK_25), "needs a JDK that Cassandra 5 refuses to run on");
    System.setProperty(ForkJdk.PROPERTY, JDK_25.toString());
    try {
      assertThatThrownBy(() -> new CassandraServer().start())
          .hasMessageContaining("cassandra did not start")
          .hasMessageContaining("--- end of its log ---")
          .hasMessageContaining("Policy");
    } finally {
      System.clearProperty(ForkJdk.PROPERTY);
    }
  }
}
