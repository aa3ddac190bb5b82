package io.streampipe.job;

import io.streampipe.api.JobContract;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** PipelineJobMain in its own JVM, as the CLI's run and a pod start it, for kill tests. */
public final class JobProcess {
  private JobProcess() {}

  /** The job on a spec file, this JVM's classpath and Spark's JVM flags, output to {@code log}. */
  public static Process launch(Path spec, Path checkpoint, Path log) throws Exception {
    return launch(spec, checkpoint, log, Map.of());
  }

  /**
   * @param env more environment, e.g. the job contract's Cassandra credentials
   */
  public static Process launch(Path spec, Path checkpoint, Path log, Map<String, String> env)
      throws Exception {
    Map<String, String> all = new LinkedHashMap<>();
    all.put(JobContract.ENV_CHECKPOINT_LOCATION, checkpoint.toString());
    all.putAll(env);
    return launch(
        System.getProperty("java.class.path"),
        JobContract.MAIN_CLASS,
        List.of("--spec", spec.toString(), "--stop-wait", "20s"),
        all,
        log);
  }

  /**
   * A job JVM in Spark local mode as a SparkApplication names it: its main class, arguments and
   * environment, on {@code classpath}, with this JVM's Spark flags; output appended to {@code log}.
   */
  public static Process launch(
      String classpath, String mainClass, List<String> arguments, Map<String, String> env, Path log)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (flag.startsWith("--add-opens")
          || flag.startsWith("-Djdk.reflect")
          || flag.startsWith("-Dio.netty")
          || flag.startsWith("-XX:+IgnoreUnrecognized")) {
        command.add(flag);
      }
    }
    command.addAll(
        List.of(
            "-Dspark.master=local[2]", "-Dspark.ui.enabled=false", "-cp", classpath, mainClass));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(env);
    return builder.start();
  }
}
