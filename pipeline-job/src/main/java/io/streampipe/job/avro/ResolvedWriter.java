package io.streampipe.job.avro;

import io.streampipe.provisioning.registry.AvroFieldPath;
import java.util.List;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;

/**
 * One writer schema resolved against the pipeline's reader schema: why it cannot be read (null when
 * it can), the datum reader, and which fields the writer sends in microseconds.
 */
record ResolvedWriter(
    String incompatibility, GenericDatumReader<GenericRecord> reader, boolean[] micros) {
  static ResolvedWriter of(String readerJson, Schema writer, List<String> fieldNames) {
    if (writer.getType() != Schema.Type.RECORD) {
      return new ResolvedWriter(
          "the writer schema is a " + writer.getType() + ", not a record", null, null);
    }
    Schema reader = named(new Schema.Parser().parse(readerJson), writer);
    SchemaCompatibility.SchemaPairCompatibility verdict =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    if (verdict.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
      return new ResolvedWriter(describe(verdict, reader), null, null);
    }
    boolean[] micros = new boolean[fieldNames.size()];
    for (int i = 0; i < micros.length; i++) {
      Schema.Field field = writer.getField(fieldNames.get(i));
      micros[i] = field != null && isMicros(field.schema());
    }
    return new ResolvedWriter(null, new GenericDatumReader<>(writer, reader), micros);
  }

  /**
   * The reader's fields under the writer's record name: fields resolve by name, and what a producer
   * calls its record is its own business (an alias cannot match a writer without a namespace).
   */
  private static Schema named(Schema reader, Schema writer) {
    List<Schema.Field> fields =
        reader.getFields().stream().map(f -> new Schema.Field(f, f.schema())).toList();
    return Schema.createRecord(writer.getName(), null, writer.getNamespace(), false, fields);
  }

  private static boolean isMicros(Schema schema) {
    Schema plain = schema;
    if (schema.getType() == Schema.Type.UNION) {
      plain =
          schema.getTypes().stream()
              .filter(s -> s.getType() != Schema.Type.NULL)
              .findFirst()
              .orElse(schema);
    }
    LogicalType logical = plain.getLogicalType();
    return logical != null && logical.getName().endsWith("timestamp-micros");
  }

  /** The incompatibilities, each with the reader field it concerns when the path names one. */
  private static String describe(
      SchemaCompatibility.SchemaPairCompatibility verdict, Schema reader) {
    return verdict.getResult().getIncompatibilities().stream()
        .map(i -> i.getMessage() + " at " + i.getLocation() + field(i.getLocation(), reader))
        .reduce((a, b) -> a + "; " + b)
        .orElse(verdict.getDescription());
  }

  private static String field(String location, Schema reader) {
    return AvroFieldPath.fieldName(location, reader)
        .map(name -> " (field " + name + ")")
        .orElse("");
  }
}
