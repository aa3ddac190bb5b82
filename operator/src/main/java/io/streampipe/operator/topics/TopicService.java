package io.streampipe.operator.topics;

import io.streampipe.operator.desired.ResolvedPipeline;
import io.streampipe.operator.topics.TopicsOutcome.State;
import io.streampipe.operator.util.Errors;
import io.streampipe.provisioning.TopicDefinition;
import io.streampipe.provisioning.TopicResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Ensures a pipeline's topics over the Kafka Admin API when no Strimzi cluster manages them: the
 * same provisioning code as {@code streampipe provision}.
 */
public final class TopicService {
  private final TopicAdmins admins;

  public TopicService(TopicAdmins admins) {
    this.admins = admins;
  }

  /** The input and dead-letter topics of the pipeline; never throws for Kafka trouble. */
  public TopicsOutcome ensure(ResolvedPipeline pipeline) {
    List<TopicDefinition> desired = desired(pipeline);
    List<String> names = desired.stream().map(TopicDefinition::name).toList();
    String servers = pipeline.bootstrapServers();
    List<String> applied = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    try {
      TopicAdmin admin = admins.forServers(servers);
      for (TopicDefinition topic : desired) {
        TopicResult result = admin.ensure(topic);
        refused.addAll(result.refused());
        result.applied().forEach(line -> applied.add(topic.name() + ": " + line));
      }
    } catch (RuntimeException e) {
      return new TopicsOutcome(
          State.UNREACHABLE, servers, names, List.of(Errors.oneLine(e)), false);
    }
    return refused.isEmpty()
        ? new TopicsOutcome(State.READY, servers, names, applied, !applied.isEmpty())
        : new TopicsOutcome(State.REFUSED, servers, names, refused, !applied.isEmpty());
  }

  /** Deletes the pipeline's topics; throws when Kafka cannot be reached. */
  public void delete(ResolvedPipeline pipeline) {
    TopicAdmin admin = admins.forServers(pipeline.bootstrapServers());
    desired(pipeline).forEach(t -> admin.delete(t.name()));
  }

  static List<TopicDefinition> desired(ResolvedPipeline pipeline) {
    return TopicDefinition.forPipeline(pipeline.spec());
  }
}
