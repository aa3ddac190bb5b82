package io.streampipe.api.validation;

import io.streampipe.api.KubernetesNames;
import io.streampipe.api.PipelineDocument;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A pipeline that passed every semantic check, with every default applied: what the code that
 * provisions, renders or runs a pipeline takes, so none of it validates or defaults again.
 */
public final class ValidPipeline {
  private final String name;
  private final String namespace;
  private final StreamingPipelineSpec spec;

  private ValidPipeline(String name, String namespace, StreamingPipelineSpec spec) {
    this.name = name;
    this.namespace = namespace;
    this.spec = spec;
  }

  /**
   * Validates a document and applies its defaults, in one pass.
   *
   * @throws InvalidPipelineException with every problem, when there is one
   */
  public static ValidPipeline of(PipelineDocument document) {
    PipelineValidator.Checked checked = PipelineValidator.check(document.spec());
    List<Problem> problems = new ArrayList<>();
    if (!KubernetesNames.isPipelineName(document.name())) {
      problems.add(
          new Problem(
              "metadata.name",
              "must start with a letter, have only lowercase letters, digits and '-', and at most "
                  + KubernetesNames.MAX_PIPELINE_NAME
                  + " characters (it names the pipeline's Services): "
                  + document.name()));
    }
    problems.addAll(checked.problems());
    if (!problems.isEmpty()) {
      throw new InvalidPipelineException(document.name(), problems);
    }
    return new ValidPipeline(document.name(), document.namespace(), checked.defaulted());
  }

  public String name() {
    return name;
  }

  /** metadata.namespace, or null when the document leaves it to the context. */
  public String namespace() {
    return namespace;
  }

  /** The defaulted spec; shared, so read it and never change it. */
  public StreamingPipelineSpec spec() {
    return spec;
  }

  /** The pipeline as a document again, defaults written out: what a job reads from a file. */
  public PipelineDocument document() {
    return new PipelineDocument(name, namespace, spec);
  }

  /** A pipeline refused by the validator, with every problem. */
  public static final class InvalidPipelineException extends RuntimeException {
    private final transient List<Problem> problems;

    InvalidPipelineException(String name, List<Problem> problems) {
      super(
          "pipeline "
              + name
              + " is invalid:"
              + problems.stream().map(p -> "\n  " + p).collect(Collectors.joining()));
      this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
      return problems;
    }
  }
}
