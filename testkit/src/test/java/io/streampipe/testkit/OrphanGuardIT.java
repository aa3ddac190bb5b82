package io.streampipe.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrphanGuardIT {

  @Test
  void aForkWhoseParentIsKilledHaltsItself(@TempDir Path dir) throws Exception {
    Path bash = Path.of("/bin/bash");
    assumeTrue(Files.isExecutable(bash), "needs bash as a parent that can be SIGKILLed");
    String classpath =
        OrphanGuard.installInto(dir)
            + ":"
            + Path.of(Sleeper.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String child =
        String.join(
            " ",
            ForkJdk.javaExecutable().toString(),
            "-cp",
            classpath,
            OrphanGuard.class.getName(),
            Sleeper.class.getName());
    Process parent = new ProcessBuilder(bash.toString(), "-c", child + " & echo $!; wait").start();
    long childPid = Long.parseLong(firstLine(parent));
    ProcessHandle fork = ProcessHandle.of(childPid).orElseThrow();

    parent.destroyForcibly().waitFor();

    assertThat(fork.onExit().get(20, TimeUnit.SECONDS).isAlive()).isFalse();
  }

  private static String firstLine(Process process) throws Exception {
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      return out.readLine().strip();
    }
  }

  /** Stands in for a server's main: it would run for a minute if nothing stopped it. */
  public static final class Sleeper {
    public static void main(String[] args) throws InterruptedException {
      Thread.sleep(60_000);
    }
  }
}
