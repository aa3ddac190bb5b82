package io.streampipe.cli;

import io.streampipe.api.PipelineDocument;
import io.streampipe.api.validation.ValidPipeline;

/** Turns a document and the command line's overrides into a defaulted, validated pipeline. */
public final class Pipelines {
  private Pipelines() {}

  /** The overrides are applied to the document's spec, in place, before it is validated. */
  public static ValidPipeline validated(PipelineDocument document, ConnectionOptions connections) {
    connections.applyTo(document.spec());
    try {
      return ValidPipeline.of(document);
    } catch (ValidPipeline.InvalidPipelineException e) {
      throw new UserException(e.getMessage());
    }
  }
}
