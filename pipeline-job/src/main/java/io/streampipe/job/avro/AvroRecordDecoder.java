package io.streampipe.job.avro;

import io.streampipe.api.FieldType;
import io.streampipe.job.validate.CompiledField;
import io.streampipe.job.validate.Failure;
import io.streampipe.job.validate.RecordValidator;
import io.streampipe.job.validate.Rule;
import io.streampipe.job.validate.Validated;
import io.streampipe.job.validate.Validated.Rejection;
import io.streampipe.provisioning.registry.SchemaRegistryClient;
import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * Decodes one record in the registry wire format into the pipeline's fields and checks their rules
 * as the JSON path does. Refusals name the schema id; an unreachable registry throws {@link
 * io.streampipe.provisioning.registry.RegistryUnavailableException} instead of refusing.
 */
public final class AvroRecordDecoder implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String readerSchema;
  private final RecordValidator validator;
  private final SchemaRegistryClient registry;
  private transient Map<Long, Optional<ResolvedWriter>> resolved;

  public AvroRecordDecoder(
      String readerSchema, RecordValidator validator, SchemaRegistryClient registry) {
    this.readerSchema = readerSchema;
    this.validator = validator;
    this.registry = registry;
  }

  public Validated decode(byte[] value) {
    long id = WireFormat.schemaId(value);
    if (id < 0) {
      return Rejection.of(
          Rule.AVRO_MAGIC_BYTE,
          null,
          "not in the registry wire format (magic byte 0, then a 4-byte schema id)");
    }
    Optional<ResolvedWriter> writer = resolve(id);
    if (writer.isEmpty()) {
      return Rejection.of(
          Rule.UNKNOWN_SCHEMA_ID, null, "schema id " + id + " is not in the registry");
    }
    if (writer.get().incompatibility() != null) {
      return Rejection.of(
          Rule.INCOMPATIBLE_SCHEMA,
          null,
          "schema id " + id + ": " + writer.get().incompatibility());
    }
    GenericRecord record;
    try {
      BinaryDecoder in =
          DecoderFactory.get()
              .binaryDecoder(value, WireFormat.HEADER, value.length - WireFormat.HEADER, null);
      record = writer.get().reader().read(null, in);
      if (!in.isEnd()) {
        return Rejection.of(Rule.AVRO_DECODE, null, "schema id " + id + ": bytes after the record");
      }
    } catch (IOException | RuntimeException e) {
      return Rejection.of(Rule.AVRO_DECODE, null, "schema id " + id + ": " + e);
    }
    return values(record, writer.get().micros(), id);
  }

  private Validated values(GenericRecord record, boolean[] micros, long id) {
    List<CompiledField> fields = validator.fields();
    Object[] values = new Object[fields.size()];
    for (int i = 0; i < values.length; i++) {
      Object value = record.get(i);
      if (value == null) {
        continue;
      }
      values[i] = wire(fields.get(i).type(), value, micros[i]);
      if (values[i] == null) {
        return new Rejection(
            List.of(
                new Failure(
                    Rule.TYPE,
                    fields.get(i).name(),
                    "schema id "
                        + id
                        + ": '"
                        + value
                        + "' is not a "
                        + fields.get(i).type().cqlType())));
      }
    }
    return validator.check(values);
  }

  /** The job's wire form of a decoded value (see the JSON path's FieldCodec), or null if unfit. */
  static Object wire(FieldType type, Object value, boolean micros) {
    return switch (type) {
      case TEXT -> value.toString();
      case UUID -> uuid(value.toString());
      case TIMESTAMP -> micros ? Math.floorDiv((Long) value, 1000L) : value;
      case DOUBLE -> Double.isFinite((Double) value) ? value : null;
      case INT, BIGINT, BOOLEAN, DATE -> value;
    };
  }

  private static UUID uuid(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private Optional<ResolvedWriter> resolve(long id) {
    if (resolved == null) {
      resolved = new HashMap<>();
    }
    Optional<ResolvedWriter> known = resolved.get(id);
    if (known != null) {
      return known;
    }
    List<String> names = validator.fields().stream().map(CompiledField::name).toList();
    Optional<Schema> writer = WriterSchemas.get(registry, id);
    Optional<ResolvedWriter> result = writer.map(w -> ResolvedWriter.of(readerSchema, w, names));
    resolved.put(id, result);
    return result;
  }
}
