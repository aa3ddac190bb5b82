package io.streampipe.job.avro;

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
    Schema reader = new Schema.Parser().parse(readerJson);
    if (writer.getType() != Schema.Type.RECORD) {
      return new ResolvedWriter(
          "the writer schema is a " + writer.getType() + ", not a record", null, null);
    }
    // Fields resolve by name; the record's own name is the producer's business.
    reader.addAlias(writer.getFullName());
    SchemaCompatibility.SchemaPairCompatibility verdict =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    if (verdict.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
      return new ResolvedWriter(describe(verdict), null, null);
    }
    boolean[] micros = new boolean[fieldNames.size()];
    for (int i = 0; i < micros.length; i++) {
      Schema.Field field = writer.getField(fieldNames.get(i));
      micros[i] = field != null && isMicros(field.schema());
    }
    return new ResolvedWriter(null, new GenericDatumReader<>(writer, reader), micros);
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

  private static String describe(SchemaCompatibility.SchemaPairCompatibility verdict) {
    return verdict.getResult().getIncompatibilities().stream()
        .map(i -> i.getMessage() + " at " + i.getLocation())
        .reduce((a, b) -> a + "; " + b)
        .orElse(verdict.getDescription());
  }
}
