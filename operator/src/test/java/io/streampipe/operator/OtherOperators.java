package io.streampipe.operator;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Plays Strimzi and the Spark operator for the benchmark: every new KafkaTopic turns Ready and
 * every new SparkApplication RUNNING, driven by watches and a few threads as the real operators
 * would, instead of listing everything in a loop.
 */
final class OtherOperators implements AutoCloseable {
  private final ExecutorService workers = Executors.newFixedThreadPool(4);
  private final List<SharedIndexInformer<GenericKubernetesResource>> informers;
  private final AtomicLong failures = new AtomicLong();

  OtherOperators(MockCluster cluster, String namespace) {
    var topics = cluster.topics().inNamespace(namespace);
    var apps = cluster.sparkApplications().inNamespace(namespace);
    // One PUT of the status from the watched object, as Strimzi does; a conflict re-reads.
    informers =
        List.of(
            topics.inform(
                onNew(
                    t -> topics.resource(topicReady(t)).updateStatus(),
                    t ->
                        topics
                            .withName(t.getMetadata().getName())
                            .editStatus(OtherOperators::topicReady))),
            apps.inform(
                onNew(
                    a -> apps.resource(running(a)).updateStatus(),
                    a ->
                        apps.withName(a.getMetadata().getName())
                            .editStatus(OtherOperators::running))));
  }

  long failures() {
    return failures.get();
  }

  private ResourceEventHandler<GenericKubernetesResource> onNew(
      Consumer<GenericKubernetesResource> play, Consumer<GenericKubernetesResource> replay) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(GenericKubernetesResource r) {
        if (r.getAdditionalProperties().get("status") == null) {
          workers.submit(() -> attempt(play, replay, r));
        }
      }

      @Override
      public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource now) {}

      @Override
      public void onDelete(GenericKubernetesResource r, boolean unknownFinalState) {}
    };
  }

  private void attempt(
      Consumer<GenericKubernetesResource> play,
      Consumer<GenericKubernetesResource> replay,
      GenericKubernetesResource r) {
    try {
      play.accept(r);
      return;
    } catch (RuntimeException e) {
      failures.incrementAndGet();
    }
    for (int i = 0; i < 3; i++) {
      try {
        replay.accept(r);
        return;
      } catch (RuntimeException e) {
        failures.incrementAndGet();
      }
    }
  }

  private static GenericKubernetesResource topicReady(GenericKubernetesResource topic) {
    topic.setAdditionalProperty(
        "status",
        Map.of(
            "observedGeneration", topic.getMetadata().getGeneration(),
            "conditions", List.of(Map.of("type", "Ready", "status", "True"))));
    return topic;
  }

  private static GenericKubernetesResource running(GenericKubernetesResource app) {
    app.setAdditionalProperty("status", Map.of("applicationState", Map.of("state", "RUNNING")));
    return app;
  }

  @Override
  public void close() throws InterruptedException {
    informers.forEach(SharedIndexInformer::close);
    workers.shutdown();
    workers.awaitTermination(10, TimeUnit.SECONDS);
  }
}
