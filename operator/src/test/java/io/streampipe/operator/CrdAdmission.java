package io.streampipe.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cel.common.CelOptions;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the x-kubernetes-validations rules of a CRD schema on an object as the API server does: each
 * rule where its field is present, and a transition rule (one naming oldSelf) only where the old
 * object had that field too, which is how a rule on an optional field lets the field appear.
 */
final class CrdAdmission {
  private static final CelOptions OPTIONS =
      CelOptions.current().enableHeterogeneousNumericComparisons(true).build();
  private static final CelCompiler COMPILER =
      CelCompilerFactory.standardCelCompilerBuilder()
          .addVar("self", SimpleType.DYN)
          .addVar("oldSelf", SimpleType.DYN)
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .setOptions(OPTIONS)
          .build();
  private static final CelRuntime RUNTIME =
      CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS).build();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private CrdAdmission() {}

  /** The openAPIV3Schema of the generated CRD's only version. */
  static JsonNode generatedSchema() throws IOException {
    return YAML.readTree(CrdKubeVersionTest.CRD.toFile())
        .at("/spec/versions/0/schema/openAPIV3Schema");
  }

  static CelRuntime.Program program(String rule) throws Exception {
    return RUNTIME.createProgram(COMPILER.compile(rule).getAst());
  }

  static boolean isTransition(String rule) throws Exception {
    return CelNavigableAst.fromAst(COMPILER.parse(rule).getAst())
        .getRoot()
        .allNodes()
        .anyMatch(
            n ->
                n.getKind() == CelExpr.ExprKind.Kind.IDENT
                    && "oldSelf".equals(n.expr().ident().name()));
  }

  /** The messages of the rules an update from oldObject (null: a create) to newObject breaks. */
  static List<String> refusals(JsonNode schema, String newObject, String oldObject)
      throws Exception {
    List<String> refusals = new ArrayList<>();
    walk(
        schema,
        value(YAML.readTree(newObject)),
        oldObject == null ? null : value(YAML.readTree(oldObject)),
        refusals);
    return refusals;
  }

  private static void walk(JsonNode schema, Object self, Object oldSelf, List<String> refusals)
      throws Exception {
    for (JsonNode rule : schema.path("x-kubernetes-validations")) {
      String text = rule.path("rule").asText();
      if (oldSelf == null && isTransition(text)) {
        continue;
      }
      Map<String, Object> vars = new HashMap<>();
      vars.put("self", self);
      vars.put("oldSelf", oldSelf == null ? self : oldSelf);
      if (!Boolean.TRUE.equals(program(text).eval(vars))) {
        refusals.add(rule.path("message").asText(text));
      }
    }
    if (self instanceof Map<?, ?> map) {
      Map<?, ?> old = oldSelf instanceof Map<?, ?> m ? m : Map.of();
      for (var property : iterable(schema.path("properties").fields())) {
        if (map.containsKey(property.getKey())) {
          walk(
              property.getValue(),
              map.get(property.getKey()),
              old.get(property.getKey()),
              refusals);
        }
      }
    } else if (self instanceof List<?> list && schema.has("items")) {
      // Items of an atomic list have no old value to compare with.
      for (Object item : list) {
        walk(schema.get("items"), item, null, refusals);
      }
    }
  }

  /** JSON as CEL sees it: integers as Long, objects as maps, arrays as lists. */
  private static Object value(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.fields().forEachRemaining(e -> map.put(e.getKey(), value(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(n -> list.add(value(n)));
      return list;
    }
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    return node.isBoolean() ? node.asBoolean() : node.asText();
  }

  private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
    return () -> iterator;
  }
}
