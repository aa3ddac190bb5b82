package io.streampipe.operator.topics;

import io.streampipe.provisioning.TopicDefinition;
import io.streampipe.provisioning.TopicPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a pipeline's topics over the Kafka Admin API stand against its spec: derived from the last
 * observation and the desired topics alone, for the status and the workflow's ready condition.
 *
 * @param servers the bootstrap servers the topics are ensured at
 * @param topics the topic names, input first
 * @param details refused changes or the error, one sentence each
 */
public record TopicsOutcome(
    State state, String servers, List<String> topics, List<String> details) {

  /** Where the topics stand against the spec. */
  public enum State {
    READY,
    /** A topic not created yet. */
    PENDING,
    REFUSED,
    UNREACHABLE
  }

  public TopicsOutcome {
    topics = List.copyOf(topics);
    details = List.copyOf(details);
  }

  public boolean isReady() {
    return state == State.READY;
  }

  /**
   * The outcome of {@code observed} for the {@code desired} topics at {@code servers}. A topic that
   * exists and needs no refused change is ensured: its safe changes are applied whenever it does
   * not match, as the plan only compares the keys the spec sets.
   */
  public static TopicsOutcome of(
      TopicsObservation observed, String servers, List<TopicDefinition> desired) {
    List<String> names = desired.stream().map(TopicDefinition::name).toList();
    if (!observed.servers().equals(servers) || !observed.asked().containsAll(names)) {
      return new TopicsOutcome(State.PENDING, servers, names, List.of());
    }
    if (!observed.isReachable()) {
      return new TopicsOutcome(State.UNREACHABLE, servers, names, observed.unreachable());
    }
    List<String> refused = new ArrayList<>();
    boolean missing = false;
    for (TopicDefinition topic : desired) {
      TopicDefinition existing = observed.existing().get(topic.name());
      if (existing == null) {
        missing = true;
      } else {
        refused.addAll(TopicPlan.between(existing, topic).refused());
      }
    }
    if (!refused.isEmpty()) {
      return new TopicsOutcome(State.REFUSED, servers, names, refused);
    }
    return new TopicsOutcome(missing ? State.PENDING : State.READY, servers, names, List.of());
  }

  /**
   * Whether applying the safe plans could change anything: a topic is missing or has changes its
   * plan allows, or the cluster could not be asked (so it is worth trying again).
   */
  public static boolean needsApply(
      TopicsObservation observed, String servers, List<TopicDefinition> desired) {
    if (!observed.servers().equals(servers) || !observed.isReachable()) {
      return true;
    }
    for (TopicDefinition topic : desired) {
      TopicDefinition existing = observed.existing().get(topic.name());
      if (existing == null) {
        return true;
      }
      TopicPlan plan = TopicPlan.between(existing, topic);
      if (!plan.isRefused() && !plan.isNoop()) {
        return true;
      }
    }
    return false;
  }
}
