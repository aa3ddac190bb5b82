package io.streampipe.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ServerDirectoryTest {

  @Test
  void logTailKeepsTheLastLinesAndDeleteRemovesEverything() throws Exception {
    ServerDirectory dir = ServerDirectory.create("test");
    String log =
        IntStream.rangeClosed(1, 100)
            .mapToObj(i -> "line " + i)
            .collect(Collectors.joining("\n", "", "\n"));
    Files.writeString(dir.log(), log);
    Files.createDirectories(dir.path().resolve("data/nested"));

    assertThat(dir.logTail(3)).isEqualTo("line 98\nline 99\nline 100");

    dir.delete();
    assertThat(dir.path()).doesNotExist();
  }

  @Test
  void logTailOfAServerThatWroteNothingSaysSo() {
    ServerDirectory dir = ServerDirectory.create("test");
    try {
      assertThat(dir.logTail(3)).startsWith("(no log:");
    } finally {
      dir.delete();
    }
  }
}
