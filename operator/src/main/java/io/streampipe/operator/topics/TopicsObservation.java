package io.streampipe.operator.topics;

import io.streampipe.provisioning.TopicDefinition;
import java.util.List;
import java.util.Map;

/**
 * What a Kafka cluster holds of a pipeline's topics, described over its Admin API without changing
 * anything: the "resource" the admin topics dependent polls. It says nothing of the spec, so a spec
 * change is compared against the last observation as it is.
 *
 * @param servers the bootstrap servers asked
 * @param asked the topic names described, input first
 * @param existing the topics among them that exist, as the broker describes them, by name
 * @param unreachable why the cluster could not be asked, one sentence; empty when it answered
 */
public record TopicsObservation(
    String servers,
    List<String> asked,
    Map<String, TopicDefinition> existing,
    List<String> unreachable) {

  public TopicsObservation {
    asked = List.copyOf(asked);
    existing = Map.copyOf(existing);
    unreachable = List.copyOf(unreachable);
  }

  public static TopicsObservation unreachable(String servers, List<String> asked, String why) {
    return new TopicsObservation(servers, asked, Map.of(), List.of(why));
  }

  public boolean isReachable() {
    return unreachable.isEmpty();
  }
}
