package io.streampipe.operator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The chart's rbac/operator-rules.yaml, the one list of the API calls the operator makes, as group
 * /resource → verbs per scope (namespaced, cluster, leaderElection).
 */
final class ChartRules {
  private ChartRules() {}

  @SuppressWarnings("unchecked")
  static Map<String, Set<String>> granted(String... scopes) {
    Map<String, List<Map<String, List<String>>>> file;
    try {
      file =
          new ObjectMapper(new YAMLFactory())
              .readValue(
                  TestPipelines.projectDir()
                      .resolve("helm/streampipe-operator/rbac/operator-rules.yaml")
                      .toFile(),
                  Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Set<String>> grants = new TreeMap<>();
    for (String scope : scopes) {
      for (Map<String, List<String>> rule : file.get(scope)) {
        for (String group : rule.get("apiGroups")) {
          for (String resource : rule.get("resources")) {
            grants
                .computeIfAbsent(group + "/" + resource, k -> new TreeSet<>())
                .addAll(rule.get("verbs"));
          }
        }
      }
    }
    return grants;
  }
}
