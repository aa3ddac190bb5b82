package io.streampipe.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.streampipe.operator.desired.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a mock API server holds of a pipeline's parts, found by the label every part carries: the
 * KafkaTopics, ConfigMap, SparkApplication, checkpoint claim, driver Service and PodMonitor.
 */
final class PipelineParts {
  /** A users pipeline with metrics on: two topics (events, dead letters) and one of the rest. */
  static final int OF_A_USERS_PIPELINE = 7;

  /** One part: its kind, name and the uid of the pipeline that owns it (null when none). */
  record Part(String kind, String name, String ownerUid) {}

  private PipelineParts() {}

  static List<Part> of(KubernetesClient client, String namespace, String pipeline) {
    MockCluster cluster = new MockCluster(client);
    Map<String, String> label = Map.of(Labels.PIPELINE, pipeline);
    List<HasMetadata> found = new ArrayList<>();
    found.addAll(cluster.topics().inNamespace(namespace).withLabels(label).list().getItems());
    found.addAll(client.configMaps().inNamespace(namespace).withLabels(label).list().getItems());
    found.addAll(
        cluster.sparkApplications().inNamespace(namespace).withLabels(label).list().getItems());
    found.addAll(
        client.persistentVolumeClaims().inNamespace(namespace).withLabels(label).list().getItems());
    found.addAll(client.services().inNamespace(namespace).withLabels(label).list().getItems());
    found.addAll(cluster.podMonitors().inNamespace(namespace).withLabels(label).list().getItems());
    return found.stream()
        .map(r -> new Part(r.getKind(), r.getMetadata().getName(), owner(r)))
        .toList();
  }

  /**
   * Parts that nothing would remove: not owned by {@code uid}, the pipeline that is gone, so
   * garbage collection would leave them. The mock has no garbage collector, so owned ones stay.
   */
  static long orphans(List<Part> partsOfAGonePipeline, String uid) {
    return partsOfAGonePipeline.stream().filter(p -> !Objects.equals(p.ownerUid(), uid)).count();
  }

  private static String owner(HasMetadata resource) {
    List<OwnerReference> owners = resource.getMetadata().getOwnerReferences();
    return owners == null || owners.isEmpty() ? null : owners.get(0).getUid();
  }
}
