package io.streampipe.api.avro;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streampipe.api.FieldType;
import io.streampipe.api.v1alpha1.FieldSpec;
import io.streampipe.api.v1alpha1.SchemaSpec;

/**
 * The Avro record a pipeline reads, derived from its declared fields: the reader schema writer
 * schemas are resolved against, and the schema registered for its subject.
 */
public final class AvroReaderSchema {
  public static final String NAMESPACE = "io.streampipe.events";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AvroReaderSchema() {}

  /**
   * The schema as Avro JSON. Required fields have their plain type; the others are a union with
   * null, defaulting to null, so a writer schema without them still resolves.
   */
  public static String of(SchemaSpec schema, String recordName) {
    ObjectNode record = JSON.objectNode();
    record.put("type", "record");
    record.put("name", recordName);
    record.put("namespace", NAMESPACE);
    ArrayNode fields = record.putArray("fields");
    for (FieldSpec field : schema.getFields()) {
      ObjectNode node = fields.addObject();
      node.put("name", field.getName());
      ObjectNode type = type(FieldType.require(field.getType()));
      if (field.isRequired()) {
        node.set("type", type);
      } else {
        node.set("type", JSON.arrayNode().add("null").add(type));
        node.putNull("default");
      }
    }
    try {
      return MAPPER.writeValueAsString(record);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The Avro type of a field type; logical types where Avro has one. */
  static ObjectNode type(FieldType type) {
    return switch (type) {
      case TEXT -> primitive("string");
      case UUID -> logical("string", "uuid");
      case INT -> primitive("int");
      case BIGINT -> primitive("long");
      case DOUBLE -> primitive("double");
      case BOOLEAN -> primitive("boolean");
      case TIMESTAMP -> logical("long", "timestamp-millis");
      case DATE -> logical("int", "date");
    };
  }

  private static ObjectNode primitive(String name) {
    return JSON.objectNode().put("type", name);
  }

  private static ObjectNode logical(String name, String logicalType) {
    return primitive(name).put("logicalType", logicalType);
  }
}
