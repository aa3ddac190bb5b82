package io.streampipe.api.avro;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.api.v1alpha1.FieldSpec;
import io.streampipe.api.v1alpha1.SchemaSpec;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;

class AvroReaderSchemaTest {
  private static final Schema READER =
      new Schema.Parser()
          .parse(
              AvroReaderSchema.of(
                  schema(
                      new FieldSpec("id", "uuid", true),
                      new FieldSpec("name", "text", true),
                      new FieldSpec("age", "int", false),
                      new FieldSpec("visits", "bigint", false),
                      new FieldSpec("score", "double", false),
                      new FieldSpec("active", "boolean", false),
                      new FieldSpec("created_at", "timestamp", true),
                      new FieldSpec("birthday", "date", false)),
                  "users"));

  @Test
  void namesTheRecordAndKeepsTheDeclaredOrder() {
    assertThat(READER.getFullName()).isEqualTo("io.streampipe.events.users");
    assertThat(READER.getFields().stream().map(Schema.Field::name))
        .containsExactly(
            "id", "name", "age", "visits", "score", "active", "created_at", "birthday");
  }

  @Test
  void requiredFieldsArePlainAndTheOthersNullableWithANullDefault() {
    assertThat(READER.getField("name").schema().getType()).isEqualTo(Schema.Type.STRING);
    Schema age = READER.getField("age").schema();
    assertThat(age.getType()).isEqualTo(Schema.Type.UNION);
    assertThat(age.getTypes().get(0).getType()).isEqualTo(Schema.Type.NULL);
    assertThat(age.getTypes().get(1).getType()).isEqualTo(Schema.Type.INT);
    assertThat(READER.getField("age").defaultVal())
        .isEqualTo(org.apache.avro.JsonProperties.NULL_VALUE);
    assertThat(nonNull("visits").getType()).isEqualTo(Schema.Type.LONG);
    assertThat(nonNull("score").getType()).isEqualTo(Schema.Type.DOUBLE);
    assertThat(nonNull("active").getType()).isEqualTo(Schema.Type.BOOLEAN);
  }

  @Test
  void mapsTypesToAvroLogicalTypes() {
    assertThat(READER.getField("id").schema().getLogicalType()).isEqualTo(LogicalTypes.uuid());
    assertThat(READER.getField("created_at").schema().getLogicalType())
        .isEqualTo(LogicalTypes.timestampMillis());
    assertThat(nonNull("birthday").getLogicalType()).isEqualTo(LogicalTypes.date());
  }

  @Test
  void anOlderWriterWithoutAnOptionalFieldResolvesAndOneWithoutARequiredFieldDoesNot() {
    Schema withoutAge = writer(false);
    Schema withoutName = SchemaBuilder.record("users").fields().requiredString("id").endRecord();

    assertThat(compatibility(withoutAge)).isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    assertThat(compatibility(withoutName)).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
  }

  private static Schema writer(boolean withAge) {
    var fields =
        SchemaBuilder.record("users")
            .namespace("io.streampipe.events")
            .fields()
            .requiredString("id")
            .requiredString("name")
            .name("created_at")
            .type(LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG)))
            .noDefault();
    return withAge ? fields.optionalInt("age").endRecord() : fields.endRecord();
  }

  private static SchemaCompatibilityType compatibility(Schema writer) {
    return SchemaCompatibility.checkReaderWriterCompatibility(READER, writer).getType();
  }

  private static Schema nonNull(String field) {
    return READER.getField(field).schema().getTypes().get(1);
  }

  private static SchemaSpec schema(FieldSpec... fields) {
    SchemaSpec schema = new SchemaSpec();
    schema.setFields(List.of(fields));
    return schema;
  }
}
