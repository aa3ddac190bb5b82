package io.streampipe.operator.topics;

import java.util.List;

/**
 * What the last reconciliation of a pipeline's topics over the Kafka Admin API found: the
 * "resource" of the admin topics dependent.
 *
 * @param servers the bootstrap servers the topics were ensured at
 * @param topics the topic names, input first
 * @param details refused changes, applied changes or the error, one sentence each
 */
public record TopicsOutcome(
    State state, String servers, List<String> topics, List<String> details, boolean changed) {

  /** Where the topics stand against the spec. */
  public enum State {
    READY,
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
}
