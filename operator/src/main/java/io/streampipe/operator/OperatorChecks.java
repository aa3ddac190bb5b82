package io.streampipe.operator;

import io.streampipe.api.PipelineDocument;
import io.streampipe.api.validation.Problem;
import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.operator.desired.ResolvedPipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The api validator plus what only the operator knows: whether its defaults fill the gaps. */
public final class OperatorChecks {
  private OperatorChecks() {}

  /**
   * A pipeline validated, defaulted and resolved once, or every problem it has.
   *
   * @param resolved present exactly when there is no problem
   */
  public record Checked(Optional<ResolvedPipeline> resolved, List<Problem> problems) {}

  /**
   * @param published the bootstrap address the pipeline's Strimzi cluster reports, if read
   */
  public static Checked check(
      StreamingPipeline pipeline, OperatorConfig config, Optional<String> published) {
    ValidPipeline valid;
    try {
      valid =
          ValidPipeline.of(
              new PipelineDocument(
                  pipeline.getMetadata().getName(),
                  pipeline.getMetadata().getNamespace(),
                  pipeline.getSpec()));
    } catch (ValidPipeline.InvalidPipelineException e) {
      return new Checked(Optional.empty(), e.problems());
    }
    ResolvedPipeline resolved = ResolvedPipeline.of(pipeline, valid, config, published);
    List<Problem> problems = new ArrayList<>();
    if (resolved.bootstrapServers() == null) {
      problems.add(
          new Problem(
              "spec.source",
              "give bootstrapServers or kafkaCluster: the operator has no default Kafka"));
    }
    if (resolved.contactPoints().isEmpty()) {
      problems.add(
          new Problem(
              "spec.sink.cassandra.contactPoints",
              "give contact points: the operator has no default Cassandra"));
    }
    return new Checked(
        problems.isEmpty() ? Optional.of(resolved) : Optional.empty(), List.copyOf(problems));
  }
}
