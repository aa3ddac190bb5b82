package io.streampipe.operator.topics;

import io.streampipe.operator.desired.ResolvedPipeline;
import io.streampipe.operator.util.Errors;
import io.streampipe.provisioning.TopicDefinition;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Observes a pipeline's topics over the Kafka Admin API when no Strimzi cluster manages them, and
 * ensures them with the same provisioning code as {@code streampipe provision}.
 */
public final class TopicService {
  private final TopicAdmins admins;

  public TopicService(TopicAdmins admins) {
    this.admins = admins;
  }

  /** Describes the input and dead-letter topics without changing them; never throws for Kafka. */
  public TopicsObservation observe(ResolvedPipeline pipeline) {
    return run(pipeline, false);
  }

  /**
   * Creates, grows or reconfigures the topics where safe (refusing, and changing nothing, for the
   * rest), then describes them again; never throws for Kafka trouble.
   */
  public TopicsObservation apply(ResolvedPipeline pipeline) {
    return run(pipeline, true);
  }

  private TopicsObservation run(ResolvedPipeline pipeline, boolean ensure) {
    List<TopicDefinition> desired = desired(pipeline);
    List<String> names = desired.stream().map(TopicDefinition::name).toList();
    String servers = pipeline.bootstrapServers();
    try {
      TopicAdmin admin = admins.forServers(servers);
      Map<String, TopicDefinition> existing = new TreeMap<>();
      for (TopicDefinition topic : desired) {
        if (ensure) {
          admin.ensure(topic);
        }
        admin.describe(topic.name()).ifPresent(t -> existing.put(t.name(), t));
      }
      return new TopicsObservation(servers, names, existing, List.of());
    } catch (RuntimeException e) {
      return TopicsObservation.unreachable(servers, names, Errors.oneLine(e));
    }
  }

  /** Deletes the pipeline's topics; throws when Kafka cannot be reached. */
  public void delete(ResolvedPipeline pipeline) {
    TopicAdmin admin = admins.forServers(pipeline.bootstrapServers());
    desired(pipeline).forEach(t -> admin.delete(t.name()));
  }

  /** The input and, when enabled, the dead-letter topic the spec asks for. */
  public static List<TopicDefinition> desired(ResolvedPipeline pipeline) {
    return TopicDefinition.forPipeline(pipeline.spec());
  }
}
