package io.streampipe.api.validation;

import io.streampipe.api.PipelineDefaults;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import java.util.List;

/**
 * The semantic checks a schema cannot express. Runs before anything is created or changed, and
 * returns every problem at once so a user fixes them in one go.
 */
public final class PipelineValidator {
  private PipelineValidator() {}

  /** Every problem of the spec, after defaults; empty when the spec is good to run. */
  public static List<Problem> validate(StreamingPipelineSpec spec) {
    return check(spec).problems();
  }

  /** The spec with its defaults, and its problems; defaults are applied once, here. */
  static Checked check(StreamingPipelineSpec spec) {
    Problems problems = new Problems();
    if (spec == null) {
      problems.add("spec", "is required");
      return new Checked(null, problems.list());
    }
    requireSections(spec, problems);
    if (!problems.list().isEmpty()) {
      return new Checked(null, problems.list());
    }
    StreamingPipelineSpec defaulted = PipelineDefaults.apply(spec);
    SourceChecks.check(defaulted.getSource(), problems);
    FormatChecks.check(defaulted.getSource(), problems);
    SchemaChecks.check(defaulted.getSchema(), problems);
    QualityChecks.check(defaulted, problems);
    SinkChecks.check(defaulted.getSink().getCassandra(), problems);
    ProcessingChecks.check(defaulted, problems);
    IngestChecks.check(defaulted.getIngest(), problems);
    return new Checked(defaulted, problems.list());
  }

  /** A spec's defaulted form (null when a section is missing) and its problems. */
  record Checked(StreamingPipelineSpec defaulted, List<Problem> problems) {}

  private static void requireSections(StreamingPipelineSpec spec, Problems problems) {
    problems.require(spec.getSource(), s -> true, "spec.source", "is required");
    if (spec.getSource() != null) {
      problems.require(spec.getSource().getTopic(), t -> true, "spec.source.topic", "is required");
    }
    problems.require(spec.getSchema(), s -> true, "spec.schema", "is required");
    if (spec.getSchema() != null) {
      problems.require(
          spec.getSchema().getFields(),
          f -> !f.isEmpty(),
          "spec.schema.fields",
          "declare at least one field");
      problems.require(
          spec.getSchema().getPrimaryKey(), k -> true, "spec.schema.primaryKey", "is required");
    }
    problems.require(
        spec.getSink(), s -> s.getCassandra() != null, "spec.sink.cassandra", "is required");
    if (spec.getSink() != null && spec.getSink().getCassandra() != null) {
      problems.require(
          spec.getSink().getCassandra().getKeyspace(),
          k -> true,
          "spec.sink.cassandra.keyspace",
          "is required");
    }
  }
}
