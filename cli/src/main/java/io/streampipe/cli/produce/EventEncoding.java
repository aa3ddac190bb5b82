package io.streampipe.cli.produce;

import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import io.streampipe.cli.Provisioning;
import io.streampipe.provisioning.registry.PipelineSubject;
import io.streampipe.provisioning.registry.SchemaRegistryClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/** How generated events become Kafka values in a pipeline's source format. */
public final class EventEncoding {
  /** The event's JSON text as UTF-8. */
  public static final Function<GeneratedEvent, byte[]> JSON =
      event -> event.value().getBytes(StandardCharsets.UTF_8);

  private static final int REGISTRY_ATTEMPTS = 3;
  private static final Duration REGISTRY_BACKOFF = Duration.ofMillis(500);

  private EventEncoding() {}

  /**
   * JSON, or for an Avro source the wire format under the pipeline's derived schema, registered (or
   * looked up) under its subject first.
   *
   * @param spec a defaulted, valid spec
   */
  public static Function<GeneratedEvent, byte[]> of(StreamingPipelineSpec spec) {
    Optional<PipelineSubject> avro = PipelineSubject.of(spec);
    if (avro.isEmpty()) {
      return JSON;
    }
    PipelineSubject subject = avro.get();
    SchemaRegistryClient registry =
        SchemaRegistryClient.of(
            subject.url(), Provisioning.registryLogin(), REGISTRY_ATTEMPTS, REGISTRY_BACKOFF);
    // The registry answers the id whether the schema is new under the subject or already there.
    int id = registry.register(subject.subject(), subject.schema());
    String schema = subject.schema();
    return new AvroEvents(id, schema, spec.getSchema().getFields());
  }
}
