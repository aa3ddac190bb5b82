package io.streampipe.operator.source;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.streampipe.operator.dependent.TopicApiVersion;
import java.util.Optional;

/**
 * The optional APIs (Strimzi, the Prometheus Operator) the cluster served when the operator
 * started. Read once, because informers are registered at start: installing one later needs a
 * restart of the operator.
 *
 * @param topicVersion the KafkaTopic version to speak, empty without its CRD
 * @param kafkaVersion the Strimzi Kafka version to watch, empty without its CRD
 * @param podMonitors whether the PodMonitor CRD exists
 */
public record OptionalApis(
    Optional<String> topicVersion, Optional<String> kafkaVersion, boolean podMonitors) {
  public static final String KAFKAS_CRD = "kafkas.kafka.strimzi.io";
  public static final String PODMONITORS_CRD = "podmonitors.monitoring.coreos.com";

  public static OptionalApis discover(KubernetesClient client) {
    return new OptionalApis(
        TopicApiVersion.served(client, TopicApiVersion.CRD),
        TopicApiVersion.served(client, KAFKAS_CRD),
        TopicApiVersion.served(client, PODMONITORS_CRD).isPresent());
  }
}
