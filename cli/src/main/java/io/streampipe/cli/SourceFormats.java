package io.streampipe.cli;

import io.streampipe.api.PipelineDefaults;
import io.streampipe.api.PipelineDocument;
import io.streampipe.api.v1alpha1.RegistrySpec;

/** A `--format` given on the command line, applied to a pipeline file's source. */
public final class SourceFormats {
  /** Where an avro source's registry is until the embedded one's address replaces it. */
  static final String LOCAL_REGISTRY = "http://localhost:8080/apis/ccompat/v6";

  private SourceFormats() {}

  /**
   * The document with its source in {@code format} (json or avro; null keeps the file's), in place.
   * An avro source without a registry gets the local one, which the embedded stack overrides.
   */
  public static PipelineDocument apply(PipelineDocument document, String format) {
    if (format == null) {
      return document;
    }
    var source = document.spec().getSource();
    switch (format) {
      case PipelineDefaults.FORMAT_JSON -> {
        source.setFormat(format);
        source.setRegistry(null);
      }
      case PipelineDefaults.FORMAT_AVRO -> {
        source.setFormat(format);
        if (source.getRegistry() == null) {
          RegistrySpec registry = new RegistrySpec();
          registry.setUrl(LOCAL_REGISTRY);
          source.setRegistry(registry);
        }
      }
      default -> throw new UserException("--format must be json or avro, not " + format);
    }
    return document;
  }
}
