package io.streampipe.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs the `streampipe` command in-process, capturing what it prints. */
final class CliRunner {
  static final Path EXAMPLE =
      Path.of(System.getProperty("streampipe.project.dir", ".."), "examples/users-pipeline.yaml");

  private CliRunner() {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = StreampipeMain.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  record Result(int code, String out, String err) {}
}
