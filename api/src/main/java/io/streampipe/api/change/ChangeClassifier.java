package io.streampipe.api.change;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import io.streampipe.api.validation.ValidPipeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Classifies the change from the last applied pipeline to a new one, property by property, with
 * {@link ChangeRules}. Pure: both sides are validated, defaulted pipelines, so a default written
 * out on one side and left implicit on the other is no change.
 */
public final class ChangeClassifier {
  private static final ObjectMapper TREES = new ObjectMapper();
  private static final String FIELDS = "schema.fields";

  private ChangeClassifier() {}

  public static ChangeReport classify(ValidPipeline before, ValidPipeline after) {
    return between(before.spec(), after.spec());
  }

  /** Classifies two defaulted specs. */
  public static ChangeReport between(StreamingPipelineSpec before, StreamingPipelineSpec after) {
    List<FieldChange> changes = new ArrayList<>();
    compare("", "", TREES.valueToTree(before), TREES.valueToTree(after), changes);
    return new ChangeReport(changes);
  }

  private static void compare(
      String rulePath, String shownPath, JsonNode old, JsonNode now, List<FieldChange> out) {
    if (old.equals(now)) {
      return;
    }
    Optional<ChangeRules.Rule> rule = ChangeRules.of(rulePath);
    if (rule.isPresent()) {
      out.add(change(shownPath, rule.get(), old, now));
    } else if (rulePath.equals(FIELDS)) {
      fields(old, now, out);
    } else if (old.isObject() || now.isObject()) {
      Set<String> names = new LinkedHashSet<>();
      now.fieldNames().forEachRemaining(names::add);
      old.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        compare(join(rulePath, name), join(shownPath, name), old.path(name), now.path(name), out);
      }
    } else {
      // ChangeRulesTest keeps this unreachable for the model's own properties.
      out.add(
          new FieldChange(
              shownPath, ChangeClass.IN_PLACE, "no class is known; " + values(old, now)));
    }
  }

  /** Fields are matched by name: a new one is a new column, a missing one a dropped column. */
  private static void fields(JsonNode old, JsonNode now, List<FieldChange> out) {
    Map<String, JsonNode> before = byName(old);
    Map<String, JsonNode> after = byName(now);
    for (Map.Entry<String, JsonNode> field : after.entrySet()) {
      String shown = FIELDS + "[" + field.getKey() + "]";
      JsonNode previous = before.get(field.getKey());
      if (previous == null) {
        out.add(
            new FieldChange(
                shown,
                ChangeClass.IN_PLACE,
                "new column, added with ALTER TABLE; rows written before have no value"));
      } else {
        compare(FIELDS + "[]", shown, previous, field.getValue(), out);
      }
    }
    for (String name : before.keySet()) {
      if (!after.containsKey(name)) {
        ChangeRules.Rule dropped = ChangeRules.of(ChangeRules.FIELD_NAME).orElseThrow();
        out.add(
            new FieldChange(
                FIELDS + "[" + name + "]", dropped.changeClass(), "removed: " + dropped.reason()));
      }
    }
  }

  private static FieldChange change(
      String path, ChangeRules.Rule rule, JsonNode old, JsonNode now) {
    if (rule.growOnly() && old.isNumber() && now.isNumber() && now.asLong() < old.asLong()) {
      return new FieldChange(
          path, ChangeClass.REFUSED, values(old, now) + ": Kafka cannot remove partitions");
    }
    return new FieldChange(path, rule.changeClass(), values(old, now) + ": " + rule.reason());
  }

  private static String values(JsonNode old, JsonNode now) {
    return text(old) + " → " + text(now);
  }

  private static String text(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return "unset";
    }
    String text = node.isValueNode() ? node.asText() : node.toString();
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }

  private static Map<String, JsonNode> byName(JsonNode fields) {
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    fields.forEach(f -> byName.put(f.path("name").asText(), f));
    return byName;
  }

  private static String join(String prefix, String name) {
    return prefix.isEmpty() ? name : prefix + "." + name;
  }
}
