package io.streampipe.operator;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Edits a pipeline as a user's client does: read, change, write, and again when the operator's
 * status write came in between (409 Conflict).
 */
public final class PipelineEdits {
  private PipelineEdits() {}

  public static void edit(
      KubernetesClient client, String namespace, String name, UnaryOperator<StreamingPipeline> f) {
    await()
        .atMost(Duration.ofSeconds(20))
        .ignoreExceptionsMatching(
            e -> e instanceof KubernetesClientException k && k.getCode() == 409)
        .until(
            () ->
                client
                        .resources(StreamingPipeline.class)
                        .inNamespace(namespace)
                        .withName(name)
                        .edit(f)
                    != null);
  }

  /** Edits the pipeline's spec the same way. */
  public static void editSpec(
      KubernetesClient client, String namespace, String name, Consumer<StreamingPipelineSpec> f) {
    edit(
        client,
        namespace,
        name,
        p -> {
          f.accept(p.getSpec());
          return p;
        });
  }
}
