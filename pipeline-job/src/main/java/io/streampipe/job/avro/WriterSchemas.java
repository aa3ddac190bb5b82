package io.streampipe.job.avro;

import io.streampipe.provisioning.registry.SchemaRegistryClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Writer schemas by registry and id, fetched once per JVM (one per Spark executor): a schema id
 * names immutable content, so a known answer never goes stale.
 */
final class WriterSchemas {
  private static final Map<String, Schema> KNOWN = new ConcurrentHashMap<>();
  private static final Duration OUTAGE_PAUSE = Duration.ofSeconds(2);

  private WriterSchemas() {}

  /** The writer schema, or empty when the registry has no such id (that answer is not kept). */
  static Optional<Schema> get(SchemaRegistryClient registry, long id) {
    String key = registry.url() + "#" + id;
    Schema known = KNOWN.get(key);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Schema> fetched =
        RegistryOutage.await(() -> registry.schemaById(id), OUTAGE_PAUSE)
            .map(json -> new Schema.Parser().parse(json));
    fetched.ifPresent(schema -> KNOWN.put(key, schema));
    return fetched;
  }
}
