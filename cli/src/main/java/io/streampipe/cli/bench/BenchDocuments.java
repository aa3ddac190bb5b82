package io.streampipe.cli.bench;

import io.streampipe.api.PipelineDocument;
import io.streampipe.api.PipelineDocuments;
import io.streampipe.api.v1alpha1.QualitySpec;
import io.streampipe.cli.SourceFormats;
import java.nio.file.Path;
import java.util.List;

/**
 * The pipelines a benchmark measures: the file with the command line's overrides, and its copies.
 */
final class BenchDocuments {
  private BenchDocuments() {}

  /** The file over a JSON source, with {@code dedupKeys} (null: the file's). */
  static PipelineDocument json(Path file, List<String> dedupKeys) {
    PipelineDocument document = PipelineDocuments.read(file);
    if (dedupKeys != null) {
      if (document.spec().getQuality() == null) {
        document.spec().setQuality(new QualitySpec());
      }
      document.spec().getQuality().setDedupKeys(dedupKeys);
    }
    return SourceFormats.apply(document, "json");
  }

  /** A copy of {@code json} over {@code format}, or null when that is json itself. */
  static PipelineDocument copyIn(PipelineDocument json, String format) {
    return "json".equals(format)
        ? null
        : SourceFormats.apply(
            PipelineDocuments.parse(PipelineDocuments.write(json), "bench"), format);
  }
}
