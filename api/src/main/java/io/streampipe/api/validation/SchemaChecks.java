package io.streampipe.api.validation;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.streampipe.api.CqlIdentifiers;
import io.streampipe.api.FieldType;
import io.streampipe.api.v1alpha1.FieldRules;
import io.streampipe.api.v1alpha1.FieldSpec;
import io.streampipe.api.v1alpha1.SchemaSpec;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Checks of the declared fields, their rules and the primary key. */
final class SchemaChecks {
  private SchemaChecks() {}

  static void check(SchemaSpec schema, Problems problems) {
    List<FieldSpec> fields = schema.getFields();
    if (fields.size() > Limits.MAX_FIELDS) {
      problems.add("spec.schema.fields", "declare at most " + Limits.MAX_FIELDS + " fields");
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      String path = "spec.schema.fields[" + i + "]";
      FieldSpec field = fields.get(i);
      if (field == null) {
        problems.add(path, "is empty");
        continue;
      }
      name(field.getName(), path + ".name", seen, i, problems);
      problems.require(
          field.getType(),
          t -> FieldType.of(t).isPresent(),
          path + ".type",
          "unknown type '"
              + field.getType()
              + "'; use one of text, uuid, int, bigint, double,"
              + " boolean, timestamp, date");
      if (field.getRules() != null) {
        rules(field, path + ".rules", problems);
      }
    }
    primaryKey(schema, problems);
  }

  private static void name(
      String name, String path, Map<String, Integer> seen, int index, Problems problems) {
    if (!CqlIdentifiers.isValid(name)) {
      problems.add(path, "'" + name + "' " + CqlIdentifiers.RULE);
      return;
    }
    Integer earlier = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), index);
    if (earlier != null) {
      problems.add(path, "'" + name + "' is declared twice (also at fields[" + earlier + "])");
    }
  }

  private static void rules(FieldSpec field, String path, Problems problems) {
    FieldRules rules = field.getRules();
    FieldType type = FieldType.of(field.getType()).orElse(null);
    if (rules.getPattern() != null) {
      compiles(rules.getPattern(), path + ".pattern", problems);
      if (type != null && type != FieldType.TEXT) {
        problems.add(path + ".pattern", "applies to text fields only");
      }
    }
    problems.whenSet(
        rules.getAllowedValues(), v -> !v.isEmpty(), path + ".allowedValues", "must not be empty");
    boolean bounded = rules.getMin() != null || rules.getMax() != null;
    if (bounded && type != null && !type.isNumeric()) {
      problems.add(path, "min and max apply to int, bigint and double fields only");
    }
    if (rules.getMin() != null && rules.getMax() != null && rules.getMin() > rules.getMax()) {
      problems.add(path + ".min", "is greater than max");
    }
  }

  /**
   * The job matches with RE2/J, in time linear in the text, so a pattern cannot stall a batch; RE2
   * has no backreferences, lookaround or possessive quantifiers, and those are refused here.
   */
  private static void compiles(String regex, String path, Problems problems) {
    try {
      Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      problems.add(
          path,
          "is not a valid RE2 regular expression (no backreferences, lookaround or possessive"
              + " quantifiers): "
              + e.getDescription());
    }
  }

  private static void primaryKey(SchemaSpec schema, Problems problems) {
    String path = "spec.schema.primaryKey";
    List<String> partitionKey = schema.getPrimaryKey().getPartitionKey();
    if (partitionKey == null || partitionKey.isEmpty()) {
      problems.add(path + ".partitionKey", "name at least one field");
    }
    Set<String> used = new HashSet<>();
    keyColumns(schema, partitionKey, path + ".partitionKey", used, problems);
    keyColumns(
        schema,
        schema.getPrimaryKey().getClusteringColumns(),
        path + ".clusteringColumns",
        used,
        problems);
  }

  private static void keyColumns(
      SchemaSpec schema, List<String> columns, String path, Set<String> used, Problems problems) {
    if (columns == null) {
      return;
    }
    for (int i = 0; i < columns.size(); i++) {
      String column = columns.get(i);
      String at = path + "[" + i + "]";
      var field = column == null ? java.util.Optional.<FieldSpec>empty() : schema.field(column);
      if (field.isEmpty()) {
        problems.add(at, "'" + column + "' is not a declared field");
      } else if (!field.get().isRequired()) {
        problems.add(at, "'" + column + "' is part of the primary key and must be required");
      }
      if (column != null && !used.add(column)) {
        problems.add(at, "'" + column + "' appears twice in the primary key");
      }
    }
  }
}
