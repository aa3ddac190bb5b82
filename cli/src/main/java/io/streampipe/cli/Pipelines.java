package io.streampipe.cli;

import io.streampipe.api.PipelineDefaults;
import io.streampipe.api.PipelineDocument;
import io.streampipe.api.validation.PipelineValidator;
import io.streampipe.api.validation.Problem;
import java.util.List;
import java.util.stream.Collectors;

/** Turns a document and the command line's overrides into a defaulted, validated pipeline. */
public final class Pipelines {
  private Pipelines() {}

  public static PipelineDocument validated(
      PipelineDocument document, ConnectionOptions connections) {
    var spec = PipelineDefaults.apply(document.spec());
    connections.applyTo(spec);
    List<Problem> problems = PipelineValidator.validate(spec);
    if (!problems.isEmpty()) {
      throw new UserException(
          "pipeline "
              + document.name()
              + " is invalid:\n"
              + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
    }
    return new PipelineDocument(document.name(), document.namespace(), spec);
  }
}
