package io.streampipe.provisioning.registry;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Why a new schema cannot read what the registered one wrote (the BACKWARD rule), one sentence per
 * field, decided by Avro's own resolution rules. The registry's compatibility answer decides; this
 * names the fields, which Apicurio's answer does not.
 */
public final class BackwardCheck {
  private BackwardCheck() {}

  /** Empty when {@code next} can read data written with {@code registered}. */
  public static List<String> problems(String registered, String next) {
    Schema writer = new Schema.Parser().parse(registered);
    Schema reader = new Schema.Parser().parse(next);
    List<String> problems = new ArrayList<>();
    for (Incompatibility i :
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
            .getResult()
            .getIncompatibilities()) {
      String problem = describe(i, reader, writer);
      if (!problems.contains(problem)) {
        problems.add(problem);
      }
    }
    return problems;
  }

  private static String describe(Incompatibility i, Schema reader, Schema writer) {
    if (i.getType()
        == SchemaCompatibility.SchemaIncompatibilityType.READER_FIELD_MISSING_DEFAULT_VALUE) {
      return "field "
          + i.getMessage()
          + ": a required field without a default cannot be added under BACKWARD (declare it"
          + " not required)";
    }
    return AvroFieldPath.fieldName(i.getLocation(), reader)
        .map(name -> "field " + name + ": " + typeChange(name, reader, writer))
        .orElse(i.getType() + " at " + i.getLocation() + ": " + i.getMessage());
  }

  private static String typeChange(String name, Schema reader, Schema writer) {
    Schema.Field before = writer.getField(name);
    return "its type changes from "
        + (before == null ? "?" : typeName(before.schema()))
        + " to "
        + typeName(reader.getField(name).schema())
        + ", which cannot read what was written before under BACKWARD";
  }

  /** A field's type as a spec author knows it: optional for a union with null, logical names. */
  static String typeName(Schema schema) {
    if (schema.getType() == Schema.Type.UNION) {
      List<Schema> types = schema.getTypes();
      List<String> names = new ArrayList<>();
      types.stream()
          .filter(s -> s.getType() != Schema.Type.NULL)
          .forEach(s -> names.add(typeName(s)));
      String inner = String.join(" or ", names);
      return types.size() > names.size() ? "optional " + inner : inner;
    }
    return schema.getLogicalType() != null
        ? schema.getLogicalType().getName()
        : schema.getType().getName();
  }
}
