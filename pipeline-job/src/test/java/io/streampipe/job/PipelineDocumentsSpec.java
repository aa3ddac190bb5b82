package io.streampipe.job;

import io.streampipe.api.PipelineDefaults;
import io.streampipe.api.PipelineDocument;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;

/** The defaulted spec of a document, as the job sees it. */
public final class PipelineDocumentsSpec {
  private PipelineDocumentsSpec() {}

  public static StreamingPipelineSpec defaulted(PipelineDocument document) {
    return PipelineDefaults.apply(document.spec());
  }
}
