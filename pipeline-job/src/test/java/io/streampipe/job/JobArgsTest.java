package io.streampipe.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streampipe.api.JobContract;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JobArgsTest {
  @Test
  void defaultsToTheMountedSpec() {
    JobArgs args = JobArgs.parse();

    assertThat(args.spec()).isEqualTo(Path.of(JobContract.specPath()));
    assertThat(args.stopWait()).isEqualTo(Duration.ofSeconds(25));
  }

  @Test
  void takesSpecAndStopWait() {
    JobArgs args = JobArgs.parse("--spec", "/tmp/p.yaml", "--stop-wait", "5s");

    assertThat(args.spec()).isEqualTo(Path.of("/tmp/p.yaml"));
    assertThat(args.stopWait()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void refusesUnknownOrIncompleteArguments() {
    assertThatThrownBy(() -> JobArgs.parse("--nope")).hasMessageContaining("usage");
    assertThatThrownBy(() -> JobArgs.parse("--spec")).hasMessageContaining("needs a value");
  }
}
