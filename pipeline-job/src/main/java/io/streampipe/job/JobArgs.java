package io.streampipe.job;

import io.streampipe.api.JobContract;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The job's command line: {@code [--spec <file>] [--stop-wait <duration>]}.
 *
 * @param stopWait how long SIGTERM waits for the batch in flight
 */
record JobArgs(Path spec, Duration stopWait) {
  static final String USAGE = "usage: PipelineJobMain [--spec <pipeline.yaml>] [--stop-wait 25s]";

  static JobArgs parse(String... args) {
    Path spec = Path.of(JobContract.specPath());
    Duration stopWait = Duration.ofSeconds(25);
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--spec" -> spec = Path.of(require(args[i], value));
        case "--stop-wait" ->
            stopWait =
                io.streampipe.api.Durations.parse(require(args[i], value))
                    .orElseThrow(() -> new IllegalArgumentException("--stop-wait: not a duration"));
        default -> throw new IllegalArgumentException("unknown argument " + args[i] + "\n" + USAGE);
      }
      i++;
    }
    return new JobArgs(spec, stopWait);
  }

  private static String require(String option, String value) {
    if (value == null) {
      throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
    }
    return value;
  }
}
