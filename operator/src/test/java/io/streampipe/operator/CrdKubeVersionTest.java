package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.parser.CelParser;
import dev.cel.parser.CelParserFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The generated CRD uses no field, schema keyword or CEL function newer than the minimum Kubernetes
 * version the chart declares (Chart.yaml kubeVersion): an API server of that version refuses or
 * silently drops what it does not know, as 1.26 did with a rule's reason.
 */
class CrdKubeVersionTest {
  static final Path CRD =
      Path.of("target/classes/META-INF/fabric8/streamingpipelines.streampipe.io-v1.yml");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  // Without macros has(), all() and exists() stay calls, so they are checked like functions.
  private static final CelParser PARSER = CelParserFactory.standardCelParserBuilder().build();

  @Test
  void theGeneratedCrdNeedsNothingNewerThanTheDeclaredMinimum() throws IOException {
    int minimum = minimumMinor();
    List<String> problems = new ArrayList<>();
    int rules = 0;
    for (JsonNode version : YAML.readTree(CRD.toFile()).at("/spec/versions")) {
      String where = "versions[" + version.path("name").asText() + "]";
      keys(version, KubeFeatures.VERSION_FIELDS, where, minimum, problems);
      rules += schema(version.at("/schema/openAPIV3Schema"), where, minimum, problems);
    }
    assertThat(rules).as("validation rules seen").isGreaterThanOrEqualTo(8);
    assertThat(problems).as("needs newer than Kubernetes 1.%d", minimum).isEmpty();
  }

  @Test
  void aRuleReasonIsTooNewForKubernetes126() throws IOException {
    JsonNode schema =
        YAML.readTree(
            "properties:\n  topic:\n    type: object\n    x-kubernetes-validations:\n"
                + "    - rule: self.partitions >= oldSelf.partitions\n"
                + "      reason: FieldValueForbidden\n"
                + "      messageExpression: \"'only grow, not ' + string(self.partitions)\"\n"
                + "    - rule: quantity(self.size).isGreaterThan(quantity(oldSelf.size))\n");
    List<String> problems = new ArrayList<>();
    schema(schema, "test", 26, problems);
    assertThat(problems)
        .anySatisfy(p -> assertThat(p).contains("reason", "1.28"))
        .anySatisfy(p -> assertThat(p).contains("messageExpression", "1.27"))
        .anySatisfy(p -> assertThat(p).contains("quantity", "unknown"));
    assertThat(problems).noneMatch(p -> p.contains("string") || p.contains("_>=_"));
  }

  /** The minor version of Chart.yaml's kubeVersion, which must read ">=1.N.0-0". */
  static int minimumMinor() throws IOException {
    JsonNode chart =
        YAML.readTree(
            TestPipelines.projectDir().resolve("helm/streampipe-operator/Chart.yaml").toFile());
    String declared = chart.path("kubeVersion").asText();
    Matcher m = Pattern.compile(">=\\s*1\\.(\\d+)\\.0-0").matcher(declared);
    assertThat(m.matches()).as("Chart.yaml kubeVersion \"%s\" reads >=1.N.0-0", declared).isTrue();
    return Integer.parseInt(m.group(1));
  }

  /** Checks one schema node and everything under it; returns the number of rules seen. */
  private static int schema(JsonNode node, String where, int minimum, List<String> problems) {
    keys(node, KubeFeatures.SCHEMA_KEYWORDS, where, minimum, problems);
    int rules = 0;
    for (JsonNode rule : node.path("x-kubernetes-validations")) {
      keys(rule, KubeFeatures.VALIDATION_FIELDS, where + " rule", minimum, problems);
      cel(rule.path("rule").asText(), where, minimum, problems);
      if (rule.has("messageExpression")) {
        cel(rule.get("messageExpression").asText(), where, minimum, problems);
      }
      rules++;
    }
    for (var property : iterable(node.path("properties").fields())) {
      rules += schema(property.getValue(), where + "." + property.getKey(), minimum, problems);
    }
    for (String child : List.of("items", "additionalProperties", "not")) {
      if (node.path(child).isObject()) {
        rules += schema(node.get(child), where + "." + child, minimum, problems);
      }
    }
    for (String list : List.of("allOf", "anyOf", "oneOf")) {
      for (JsonNode each : node.path(list)) {
        rules += schema(each, where + "." + list, minimum, problems);
      }
    }
    return rules;
  }

  private static void keys(
      JsonNode node, Map<String, Integer> table, String where, int minimum, List<String> problems) {
    node.fieldNames()
        .forEachRemaining(key -> check(table, key, where + " field " + key, minimum, problems));
  }

  private static void cel(String rule, String where, int minimum, List<String> problems) {
    try {
      CelNavigableAst.fromAst(PARSER.parse(rule).getAst())
          .getRoot()
          .allNodes()
          .filter(n -> n.getKind() == CelExpr.ExprKind.Kind.CALL)
          .map(n -> n.expr().call().function())
          .distinct()
          .forEach(
              f -> check(KubeFeatures.CEL_FUNCTIONS, f, where + " CEL " + f, minimum, problems));
    } catch (Exception e) {
      problems.add(where + ": rule does not parse: " + rule + " (" + e.getMessage() + ")");
    }
  }

  private static void check(
      Map<String, Integer> table, String name, String what, int minimum, List<String> problems) {
    KubeFeatures.since(table, name)
        .ifPresentOrElse(
            since -> {
              if (since > minimum) {
                problems.add(what + " needs Kubernetes 1." + since);
              }
            },
            () ->
                problems.add(what + " is unknown: look up its Kubernetes version in KubeFeatures"));
  }

  private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
    return () -> iterator;
  }
}
