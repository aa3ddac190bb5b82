package io.streampipe.provisioning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What it takes to move an existing topic to the desired one: more partitions and changed config
 * are applied online; fewer partitions (Kafka cannot) and another replication factor (a partition
 * reassignment, not a provisioning step) are refused, and a refused plan changes nothing.
 *
 * @param growPartitionsTo the new partition count, when it grows
 * @param configChanges keys whose value differs from the broker's, with the desired value; keys the
 *     spec no longer sets are left as they are, since other tools may have set them
 */
public record TopicPlan(
    Optional<Integer> growPartitionsTo, Map<String, String> configChanges, List<String> refused) {

  public TopicPlan {
    configChanges = Map.copyOf(configChanges);
    refused = List.copyOf(refused);
  }

  public static TopicPlan between(TopicDefinition existing, TopicDefinition desired) {
    List<String> refused = new ArrayList<>();
    if (desired.partitions() < existing.partitions()) {
      refused.add(
          "topic "
              + existing.name()
              + " has "
              + existing.partitions()
              + " partitions and cannot shrink to "
              + desired.partitions());
    }
    if (desired.replicas() != existing.replicas()) {
      refused.add(
          "topic "
              + existing.name()
              + " has replication factor "
              + existing.replicas()
              + "; changing it to "
              + desired.replicas()
              + " needs a partition reassignment");
    }
    if (!refused.isEmpty()) {
      return new TopicPlan(Optional.empty(), Map.of(), refused);
    }
    Map<String, String> changes = new TreeMap<>();
    desired
        .config()
        .forEach(
            (key, value) -> {
              if (!Objects.equals(existing.config().get(key), value)) {
                changes.put(key, value);
              }
            });
    Optional<Integer> grow =
        desired.partitions() > existing.partitions()
            ? Optional.of(desired.partitions())
            : Optional.empty();
    return new TopicPlan(grow, changes, List.of());
  }

  public boolean isNoop() {
    return growPartitionsTo.isEmpty() && configChanges.isEmpty() && refused.isEmpty();
  }

  public boolean isRefused() {
    return !refused.isEmpty();
  }
}
