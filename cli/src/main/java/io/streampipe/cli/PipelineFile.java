package io.streampipe.cli;

import io.streampipe.api.PipelineDocument;
import io.streampipe.api.PipelineDocuments;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The -f option of every command that reads a pipeline file. */
final class PipelineFile {
  @Option(
      names = {"-f", "--file"},
      required = true,
      description = "The StreamingPipeline YAML file.")
  Path path;

  PipelineDocument read() {
    return PipelineDocuments.read(path);
  }
}
