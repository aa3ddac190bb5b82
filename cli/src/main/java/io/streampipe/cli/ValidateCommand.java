package io.streampipe.cli;

import io.streampipe.api.PipelineDocument;
import io.streampipe.api.validation.PipelineValidator;
import io.streampipe.api.validation.Problem;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** Checks a pipeline file and prints every problem as `field.path: message`. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Check a StreamingPipeline file; exit 1 and list every problem if it is invalid.")
final class ValidateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec command;

  @Mixin PipelineFile file;

  @Override
  public Integer call() {
    PipelineDocument document = file.read();
    List<Problem> problems = PipelineValidator.validate(document.spec());
    if (problems.isEmpty()) {
      command
          .commandLine()
          .getOut()
          .println(file.path + ": pipeline " + document.name() + " is valid");
      return 0;
    }
    problems.forEach(p -> command.commandLine().getOut().println(p));
    return 1;
  }
}
