package io.streampipe.provisioning.registry;

import io.streampipe.api.PipelineDefaults;
import io.streampipe.api.avro.AvroReaderSchema;
import io.streampipe.api.v1alpha1.RegistrySpec;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import java.util.Optional;

/**
 * The subject an Avro pipeline registers and the schema it registers: the job's reader schema,
 * derived from the declared fields, named after the table as the job names it.
 *
 * @param url the registry's Confluent-compatible API
 * @param credentialsSecret the Secret with the registry's login; null for none
 */
public record PipelineSubject(String url, String credentialsSecret, String subject, String schema) {

  /** Empty for a JSON pipeline. */
  public static Optional<PipelineSubject> of(StreamingPipelineSpec defaulted) {
    if (!PipelineDefaults.FORMAT_AVRO.equals(defaulted.getSource().getFormat())) {
      return Optional.empty();
    }
    RegistrySpec registry = defaulted.getSource().getRegistry();
    return Optional.of(
        new PipelineSubject(
            registry.getUrl(),
            registry.getCredentialsSecret(),
            registry.getSubject(),
            AvroReaderSchema.of(
                defaulted.getSchema(), defaulted.getSink().getCassandra().getTable())));
  }
}
