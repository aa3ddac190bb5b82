package io.streampipe.operator;

import io.streampipe.api.validation.PipelineValidator;
import io.streampipe.api.validation.Problem;
import io.streampipe.operator.desired.ResolvedPipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The api validator plus what only the operator knows: whether its defaults fill the gaps. */
public final class OperatorChecks {
  private OperatorChecks() {}

  public static List<Problem> problems(StreamingPipeline pipeline, OperatorConfig config) {
    List<Problem> problems = new ArrayList<>(PipelineValidator.validate(pipeline.getSpec()));
    if (!problems.isEmpty()) {
      return problems;
    }
    ResolvedPipeline resolved = ResolvedPipeline.of(pipeline, config, Optional.empty());
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
    return problems;
  }
}
