package io.streampipe.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `streampipe` command: run, try and check pipelines without a cluster. */
@Command(
    name = "streampipe",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Kafka -> Spark -> Cassandra pipelines, declared as one StreamingPipeline.",
    subcommands = {
      DemoCommand.class,
      RunCommand.class,
      IngestCommand.class,
      ProvisionCommand.class,
      ProduceCommand.class,
      ValidateCommand.class,
      PlanCommand.class,
      RedriveCommand.class,
      io.streampipe.cli.bench.BenchCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Also: streampipe render -f pipeline.yaml   prints the Kubernetes resources the operator"
          + " would create (run through the ./streampipe script)."
    })
public final class StreampipeMain {
  private StreampipeMain() {}

  public static void main(String[] args) {
    CommandLine cli = commandLine();
    // picocli prints in the locale's charset, ASCII when LANG is unset; specs hold any text.
    cli.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
    cli.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    System.exit(cli.execute(args));
  }

  /** The configured command line, shared by main and tests. */
  public static CommandLine commandLine() {
    return new CommandLine(new StreampipeMain())
        .setExecutionExceptionHandler(new UserErrorHandler())
        .setCaseInsensitiveEnumValuesAllowed(true);
  }
}
