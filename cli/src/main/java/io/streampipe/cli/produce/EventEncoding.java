package io.streampipe.cli.produce;

import io.streampipe.api.PipelineDefaults;
import io.streampipe.api.avro.AvroReaderSchema;
import io.streampipe.api.cql.TableDefinition;
import io.streampipe.api.v1alpha1.RegistrySpec;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** How generated events become Kafka values in a pipeline's source format. */
public final class EventEncoding {
  /** The event's JSON text as UTF-8. */
  public static final Function<GeneratedEvent, byte[]> JSON =
      event -> event.value().getBytes(StandardCharsets.UTF_8);

  private EventEncoding() {}

  /**
   * JSON, or for an Avro source the wire format under the pipeline's derived schema, registered (or
   * looked up) under its subject first.
   *
   * @param spec a defaulted, valid spec
   */
  public static Function<GeneratedEvent, byte[]> of(StreamingPipelineSpec spec) {
    if (!PipelineDefaults.FORMAT_AVRO.equals(spec.getSource().getFormat())) {
      return JSON;
    }
    String schema = AvroReaderSchema.of(spec.getSchema(), TableDefinition.desired(spec).table());
    RegistrySpec registry = spec.getSource().getRegistry();
    int id = AvroSubject.register(registry.getUrl(), registry.getSubject(), schema);
    return new AvroEvents(id, schema, spec.getSchema().getFields());
  }
}
