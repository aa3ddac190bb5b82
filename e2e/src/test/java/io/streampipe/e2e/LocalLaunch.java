package io.streampipe.e2e;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a SparkApplication's driver runs on this machine: its main class, arguments and environment
 * as rendered, with every path under one of its volume mounts moved to the local directory that
 * stands for the volume. Pure: the files are written by the caller.
 *
 * @param mounts mount path to local directory, e.g. the checkpoint claim's
 * @param configMaps local directory to the ConfigMap whose data it holds
 * @param metricsPort the driver's metrics port, where the job serves progress
 */
record LocalLaunch(
    String mainClass,
    List<String> arguments,
    Map<String, String> env,
    Map<String, Path> mounts,
    Map<Path, String> configMaps,
    int metricsPort) {

  /**
   * @param volumes where the volumes live here: {@code claims/<claim>} outlives the application, as
   *     a claim does; the others are per launch
   */
  @SuppressWarnings("unchecked")
  static LocalLaunch of(GenericKubernetesResource app, Path claims, Path launch) {
    Map<String, Object> spec = (Map<String, Object>) app.getAdditionalProperties().get("spec");
    Map<String, Object> driver = (Map<String, Object>) spec.get("driver");
    Map<String, Map<String, Object>> volumes = new LinkedHashMap<>();
    for (Map<String, Object> v : (List<Map<String, Object>>) spec.get("volumes")) {
      volumes.put((String) v.get("name"), v);
    }
    Map<String, Path> mounts = new LinkedHashMap<>();
    Map<Path, String> configMaps = new LinkedHashMap<>();
    for (Map<String, Object> m : (List<Map<String, Object>>) driver.get("volumeMounts")) {
      Map<String, Object> volume = volumes.get((String) m.get("name"));
      Path local;
      if (volume.get("persistentVolumeClaim") instanceof Map<?, ?> claim) {
        local = claims.resolve((String) claim.get("claimName"));
      } else {
        local = launch.resolve((String) m.get("name"));
        if (volume.get("configMap") instanceof Map<?, ?> configMap) {
          configMaps.put(local, (String) configMap.get("name"));
        }
      }
      mounts.put((String) m.get("mountPath"), local);
    }
    Map<String, String> env = new LinkedHashMap<>();
    for (Map<String, Object> e : (List<Map<String, Object>>) driver.get("env")) {
      // Secret references need a Secret store; the e2e pipelines use none.
      if (e.get("value") != null) {
        env.put((String) e.get("name"), local(mounts, (String) e.get("value")));
      }
    }
    List<String> arguments = new ArrayList<>();
    for (Object a : (List<Object>) spec.getOrDefault("arguments", List.of())) {
      arguments.add(local(mounts, String.valueOf(a)));
    }
    int port =
        ((List<Map<String, Object>>) driver.get("ports"))
            .stream()
                .map(p -> ((Number) p.get("containerPort")).intValue())
                .findFirst()
                .orElseThrow();
    return new LocalLaunch(
        (String) spec.get("mainClass"), arguments, env, mounts, configMaps, port);
  }

  /** A path in the driver's file system, moved under the local directory of its mount. */
  static String local(Map<String, Path> mounts, String value) {
    return mounts.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<String, Path> e) -> e.getKey().length()).reversed())
        .filter(e -> value.equals(e.getKey()) || value.startsWith(e.getKey() + "/"))
        .findFirst()
        .map(e -> e.getValue() + value.substring(e.getKey().length()))
        .orElse(value);
  }
}
