package io.streampipe.api.validation;

import io.streampipe.api.Durations;
import io.streampipe.api.HostPort;
import io.streampipe.api.KubernetesNames;
import io.streampipe.api.StartingOffsets;
import io.streampipe.api.v1alpha1.SourceSpec;
import io.streampipe.api.v1alpha1.TopicSpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/** Checks of the Kafka source, and of any topic spec (the dead-letter topic reuses them). */
final class SourceChecks {
  private SourceChecks() {}

  static void check(SourceSpec source, Problems problems) {
    String path = "spec.source";
    if (source.getBootstrapServers() != null && source.getKafkaCluster() != null) {
      problems.add(path, "give bootstrapServers or kafkaCluster, not both");
    }
    problems.whenSet(
        source.getBootstrapServers(),
        SourceChecks::validBootstrapServers,
        path + ".bootstrapServers",
        "must be a comma-separated list of host:port");
    problems.whenSet(
        source.getKafkaCluster(),
        KubernetesNames::isDnsLabel,
        path + ".kafkaCluster",
        "must be the name of a Kafka resource (lowercase letters, digits and -)");
    topic(source.getTopic(), path + ".topic", null, problems);
    problems.require(
        source.getStartingOffsets(),
        StartingOffsets::isValid,
        path + ".startingOffsets",
        "must be earliest, latest or an ISO-8601 time with its offset, like 2026-11-30T10:00:00Z");
    problems.require(
        source.getMaxOffsetsPerTrigger(),
        m -> m > 0 && m <= Limits.MAX_OFFSETS_PER_TRIGGER,
        path + ".maxOffsetsPerTrigger",
        "must be between 1 and " + Limits.MAX_OFFSETS_PER_TRIGGER);
  }

  /**
   * Checks a topic; settings equal to {@code reported}'s are skipped, because the dead-letter topic
   * inherits the input topic's and a bad value is reported once, where the user wrote it.
   */
  static void topic(TopicSpec topic, String path, TopicSpec reported, Problems problems) {
    problems.require(
        topic.getName(),
        n -> Limits.TOPIC_NAME.matcher(n).matches() && !n.equals(".") && !n.equals(".."),
        path + ".name",
        "must be 1 to 249 letters, digits, '.', '_' or '-'");
    if (reported == null || !topic.getPartitions().equals(reported.getPartitions())) {
      problems.require(
          topic.getPartitions(),
          p -> p >= 1 && p <= Limits.MAX_PARTITIONS,
          path + ".partitions",
          "must be between 1 and " + Limits.MAX_PARTITIONS);
    }
    if (reported == null || !topic.getReplicas().equals(reported.getReplicas())) {
      problems.require(
          topic.getReplicas(),
          r -> r >= 1 && r <= Limits.MAX_REPLICAS,
          path + ".replicas",
          "must be between 1 and " + Limits.MAX_REPLICAS);
    }
    if (reported == null || !topic.getRetention().equals(reported.getRetention())) {
      problems.require(
          topic.getRetention(),
          r -> Durations.parse(r).filter(d -> d.compareTo(Duration.ofMinutes(1)) >= 0).isPresent(),
          path + ".retention",
          "must be a duration of at least 1m, like 12h or 7d");
    }
    for (Map.Entry<String, String> entry : topic.getConfig().entrySet()) {
      problems.require(
          entry.getKey(),
          k -> Limits.TOPIC_CONFIG_KEY.matcher(k).matches(),
          path + ".config." + entry.getKey(),
          "is not a Kafka topic configuration key");
      problems.require(
          entry.getValue(), v -> !v.isBlank(), path + ".config." + entry.getKey(), "needs a value");
    }
  }

  private static boolean validBootstrapServers(String servers) {
    return !servers.isBlank()
        // Empty items too: Kafka refuses "a:9092,,b:9092".
        && Arrays.stream(servers.split(",", -1)).allMatch(HostPort::isHostAndPort);
  }
}
