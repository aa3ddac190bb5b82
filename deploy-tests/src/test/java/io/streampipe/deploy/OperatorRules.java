package io.streampipe.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Reads the chart's rbac/operator-rules.yaml as scope → group/resource → verbs. */
final class OperatorRules {
  private OperatorRules() {}

  @SuppressWarnings("unchecked")
  static Map<String, Map<String, Set<String>>> load() {
    Map<String, List<Map<String, List<String>>>> file;
    try {
      file =
          new ObjectMapper(new YAMLFactory())
              .readValue(
                  DeployPaths.chart().resolve("rbac/operator-rules.yaml").toFile(), Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Map<String, Set<String>>> scopes = new TreeMap<>();
    file.forEach((scope, rules) -> scopes.put(scope, grants(rules)));
    return scopes;
  }

  private static Map<String, Set<String>> grants(List<Map<String, List<String>>> rules) {
    Map<String, Set<String>> grants = new TreeMap<>();
    for (Map<String, List<String>> rule : rules) {
      for (String group : rule.get("apiGroups")) {
        for (String resource : rule.get("resources")) {
          grants
              .computeIfAbsent(group + "/" + resource, k -> new TreeSet<>())
              .addAll(rule.get("verbs"));
        }
      }
    }
    return grants;
  }
}
