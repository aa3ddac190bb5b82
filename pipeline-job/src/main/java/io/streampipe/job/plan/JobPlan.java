package io.streampipe.job.plan;

import io.streampipe.api.Durations;
import io.streampipe.api.FieldType;
import io.streampipe.api.PipelineDefaults;
import io.streampipe.api.cql.CqlStatements;
import io.streampipe.api.cql.TableDefinition;
import io.streampipe.api.deadletter.DeadLetterTopicLimit;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.job.avro.AvroRecordDecoder;
import io.streampipe.job.avro.RegistryAccess;
import io.streampipe.job.validate.CompiledField;
import io.streampipe.job.validate.RecordValidator;
import io.streampipe.job.validate.Validated;
import io.streampipe.provisioning.registry.PipelineSubject;
import io.streampipe.provisioning.registry.SchemaRegistryClient;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * Everything the job needs from a pipeline document, defaulted, validated and compiled once on the
 * driver; serializable so the executors get it with their tasks.
 *
 * @param deadLetterTopic null when dead-lettering is disabled
 * @param dedupKeyIndexes positions of the dedup keys among the fields
 * @param dedupOnPrimaryKey the dedup keys are the table's primary key, so Cassandra itself can
 *     resolve repeats by write time and no shuffle is needed
 * @param deadLetterMaxBytes the dead-letter topic's max.message.bytes: its producer's request limit
 * @param writeRetryTimeout how long a failed Cassandra write is retried before the task fails
 * @param avro the decoder of an avro source; null for json
 */
public record JobPlan(
    String pipeline,
    String topic,
    String deadLetterTopic,
    RecordValidator validator,
    int[] dedupKeyIndexes,
    String keyspace,
    String table,
    String upsertCql,
    String startingOffsets,
    long maxOffsetsPerTrigger,
    Duration trigger,
    boolean dedupOnPrimaryKey,
    int deadLetterMaxBytes,
    Duration writeRetryTimeout,
    AvroRecordDecoder avro)
    implements Serializable {
  // One round of tries; past it the decoder waits out the outage (avro/RegistryOutage).
  private static final int REGISTRY_ATTEMPTS = 2;
  private static final Duration REGISTRY_BACKOFF = Duration.ofSeconds(1);

  /** The plan of a valid pipeline, with the registry settings of this process's environment. */
  public static JobPlan of(ValidPipeline pipeline) {
    return of(pipeline, RegistryAccess.from(System.getenv()));
  }

  public static JobPlan of(ValidPipeline pipeline, RegistryAccess registry) {
    StreamingPipelineSpec spec = pipeline.spec();
    RecordValidator validator = RecordValidator.of(spec.getSchema());
    TableDefinition table = TableDefinition.desired(spec);
    var deadLetter = spec.getQuality().getDeadLetter();
    return new JobPlan(
        pipeline.name(),
        spec.getSource().getTopic().getName(),
        deadLetter.isEnabled() ? deadLetter.getTopic().getName() : null,
        validator,
        indexes(validator, spec.getQuality().getDedupKeys()),
        table.keyspace(),
        table.table(),
        CqlStatements.upsertWithWriteTime(table),
        spec.getSource().getStartingOffsets(),
        spec.getSource().getMaxOffsetsPerTrigger(),
        Durations.require(spec.getProcessing().getTrigger()),
        java.util.Set.copyOf(spec.getQuality().getDedupKeys())
            .equals(java.util.Set.copyOf(table.primaryKey())),
        DeadLetterTopicLimit.maxMessageBytes(spec),
        Durations.require(spec.getSink().getCassandra().getWriteRetryTimeout()),
        avroDecoder(spec, validator, registry));
  }

  /** The typed values of one record value, or why it is refused, in the source's format. */
  public Validated decode(byte[] value) {
    return avro == null ? validator.validate(value) : avro.decode(value);
  }

  private static AvroRecordDecoder avroDecoder(
      StreamingPipelineSpec spec, RecordValidator validator, RegistryAccess registry) {
    if (!PipelineDefaults.FORMAT_AVRO.equals(spec.getSource().getFormat())) {
      return null;
    }
    SchemaRegistryClient client =
        registry.client(
            spec.getSource().getRegistry().getUrl(), REGISTRY_ATTEMPTS, REGISTRY_BACKOFF);
    // The schema provisioning registers for the subject, so the two never drift.
    return new AvroRecordDecoder(
        PipelineSubject.of(spec).orElseThrow().schema(), validator, client);
  }

  /** The largest dead-letter value that fits in one record of its topic beside this key. */
  public int deadLetterValueLimit(byte[] key) {
    return DeadLetterTopicLimit.valueLimit(deadLetterMaxBytes, key);
  }

  /** The table's columns: the declared fields, in order. */
  public List<String> columns() {
    return validator.fields().stream().map(CompiledField::name).toList();
  }

  public List<FieldType> columnTypes() {
    return validator.fields().stream().map(CompiledField::type).toList();
  }

  public boolean deadLetterEnabled() {
    return deadLetterTopic != null;
  }

  private static int[] indexes(RecordValidator validator, List<String> keys) {
    List<String> names = validator.fields().stream().map(CompiledField::name).toList();
    return keys.stream().mapToInt(names::indexOf).toArray();
  }
}
