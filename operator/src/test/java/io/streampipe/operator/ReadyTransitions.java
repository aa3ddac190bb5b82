package io.streampipe.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every change of a pipeline's Ready status, as a watch sees it, in order. */
final class ReadyTransitions implements AutoCloseable {
  /** One change: the pipeline, and its Ready status before and after (null when absent). */
  record Transition(String pipeline, String from, String to, long nanoTime) {}

  private final List<Transition> seen = new CopyOnWriteArrayList<>();
  private final SharedIndexInformer<StreamingPipeline> informer;

  ReadyTransitions(KubernetesClient client, String namespace) {
    informer =
        client
            .resources(StreamingPipeline.class)
            .inNamespace(namespace)
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(StreamingPipeline pipeline) {}

                  @Override
                  public void onUpdate(StreamingPipeline before, StreamingPipeline now) {
                    String from = ready(before);
                    String to = ready(now);
                    if (!Objects.equals(from, to)) {
                      seen.add(
                          new Transition(now.getMetadata().getName(), from, to, System.nanoTime()));
                    }
                  }

                  @Override
                  public void onDelete(StreamingPipeline pipeline, boolean unknownFinalState) {}
                });
  }

  List<Transition> all() {
    return List.copyOf(seen);
  }

  /** The changes seen since {@code nanoTime}. */
  List<Transition> since(long nanoTime) {
    return seen.stream().filter(t -> t.nanoTime() >= nanoTime).toList();
  }

  static String ready(StreamingPipeline pipeline) {
    if (pipeline.getStatus() == null || pipeline.getStatus().getConditions() == null) {
      return null;
    }
    return pipeline.getStatus().getConditions().stream()
        .filter(c -> "Ready".equals(c.getType()))
        .map(c -> c.getStatus())
        .findFirst()
        .orElse(null);
  }

  @Override
  public void close() {
    informer.close();
  }
}
