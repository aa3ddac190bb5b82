package io.streampipe.cli.produce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streampipe.api.FieldType;
import io.streampipe.api.v1alpha1.FieldSpec;
import io.streampipe.job.avro.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * Turns generated events (JSON text) into records in the registry wire format under the registered
 * schema's id, and breaks the frames of the kinds meant to be unreadable. Not thread-safe: one per
 * producer.
 */
public final class AvroEvents implements Function<GeneratedEvent, byte[]> {
  /** The bad events an Avro source can receive, each meeting its own dead-letter rule. */
  static final List<EventKind> INVALID_KINDS =
      List.of(
          EventKind.NOT_WIRE_FORMAT,
          EventKind.UNKNOWN_SCHEMA_ID,
          EventKind.CORRUPT_AVRO,
          EventKind.RULE_VIOLATION);

  /** Far above the 1, 2, … that registries hand out. */
  static final int UNKNOWN_ID = 999_999;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final int id;
  private final Schema schema;
  private final List<FieldSpec> fields;
  private final GenericDatumWriter<GenericRecord> writer;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
  private BinaryEncoder encoder;

  /**
   * @param id the id the registry gave {@code schema}
   * @param schema the Avro JSON of the pipeline's fields ({@code AvroReaderSchema})
   */
  public AvroEvents(int id, String schema, List<FieldSpec> fields) {
    this.id = id;
    this.schema = new Schema.Parser().parse(schema);
    this.fields = fields;
    this.writer = new GenericDatumWriter<>(this.schema);
  }

  @Override
  public byte[] apply(GeneratedEvent event) {
    return switch (event.kind()) {
      case NOT_WIRE_FORMAT -> event.value().getBytes(StandardCharsets.UTF_8);
      case UNKNOWN_SCHEMA_ID -> frame(UNKNOWN_ID, event.value());
      case CORRUPT_AVRO -> {
        byte[] whole = frame(id, event.value());
        // Cut short, the body cannot be read to the end of its record.
        yield Arrays.copyOf(whole, WireFormat.HEADER + (whole.length - WireFormat.HEADER) / 2);
      }
      default -> frame(id, event.value());
    };
  }

  private byte[] frame(int schemaId, String json) {
    GenericRecord record = record(json);
    buffer.reset();
    buffer.writeBytes(WireFormat.header(schemaId));
    try {
      encoder = EncoderFactory.get().binaryEncoder(buffer, encoder);
      writer.write(record, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.toByteArray();
  }

  private GenericRecord record(String json) {
    JsonNode object;
    try {
      object = JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("not an event's JSON: " + json, e);
    }
    GenericRecord record = new GenericData.Record(schema);
    for (int i = 0; i < fields.size(); i++) {
      FieldSpec field = fields.get(i);
      JsonNode value = object.path(field.getName());
      record.put(i, value.isMissingNode() || value.isNull() ? null : value(field, value));
    }
    return record;
  }

  /** The Avro value of a generated JSON value, in the representation AvroReaderSchema declares. */
  private static Object value(FieldSpec field, JsonNode value) {
    return switch (FieldType.require(field.getType())) {
      case TEXT, UUID -> value.asText();
      case INT -> value.asInt();
      case BIGINT -> value.asLong();
      case DOUBLE -> value.asDouble();
      case BOOLEAN -> value.asBoolean();
      case TIMESTAMP -> Instant.parse(value.asText()).toEpochMilli();
      case DATE -> (int) LocalDate.parse(value.asText()).toEpochDay();
    };
  }
}
