package io.streampipe.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ForkJdkTest {
  private static final Path CURRENT = Path.of("/opt/jdk-current");

  @Test
  void systemPropertyWinsOverEverything() {
    assertThat(ForkJdk.resolve("/opt/a", "/opt/b", CURRENT, 17, path -> true))
        .isEqualTo(Path.of("/opt/a"));
  }

  @Test
  void environmentComesNext() {
    assertThat(ForkJdk.resolve(" ", "/opt/b", CURRENT, 25, path -> true))
        .isEqualTo(Path.of("/opt/b"));
  }

  @Test
  void currentJdkIsUsedWhenItIsSeventeen() {
    assertThat(ForkJdk.resolve(null, null, CURRENT, 17, path -> true)).isEqualTo(CURRENT);
  }

  @Test
  void newerJdkFallsBackToTheSystemJdkSeventeen() {
    assertThat(ForkJdk.resolve(null, null, CURRENT, 25, path -> true))
        .isEqualTo(ForkJdk.DEBIAN_JDK_17);
  }

  @Test
  void newerJdkIsKeptWhenNoJdkSeventeenExists() {
    assertThat(ForkJdk.resolve(null, null, CURRENT, 25, path -> false)).isEqualTo(CURRENT);
  }
}
