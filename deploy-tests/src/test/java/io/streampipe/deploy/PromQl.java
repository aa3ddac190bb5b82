package io.streampipe.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric names a PromQL expression reads, and the names streampipe's code exports. */
final class PromQl {

  private static final Set<String> KEYWORDS =
      Set.of(
          "and",
          "or",
          "unless",
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "bool",
          "offset",
          "inf",
          "nan");
  // Series Prometheus itself writes for every target.
  private static final Set<String> PROMETHEUS_BUILT_INS = Set.of("up");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern JAVA_METRIC_CONSTANT =
      Pattern.compile("static\\s+final\\s+String\\s+(\\w+)\\s*=\\s*\"(streampipe_[a-z0-9_]+)\"");
  private static final Pattern JAVA_HISTOGRAM =
      Pattern.compile("Histogram\\.builder\\(\\)\\s*\\.name\\((\\w+)\\)");

  private PromQl() {}

  /** Metric names in an expression: identifiers that are not functions, keywords or labels. */
  static Set<String> metricNames(String expr) {
    String stripped =
        expr.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
            .replaceAll("\\{[^}]*}", " ")
            .replaceAll("\\[[^]]*]", " ")
            .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
            .replaceAll("\\$\\{?\\w+}?", " ");
    Set<String> names = new TreeSet<>();
    Matcher m = IDENTIFIER.matcher(stripped);
    while (m.find()) {
      String name = m.group();
      boolean isFunction = stripped.substring(m.end()).matches("(?s)\\s*\\(.*");
      boolean partOfNumber = m.start() > 0 && Character.isDigit(stripped.charAt(m.start() - 1));
      if (!isFunction && !partOfNumber && !KEYWORDS.contains(name.toLowerCase())) {
        names.add(name);
      }
    }
    return names;
  }

  /**
   * Every series name streampipe exports: the metric constants in the job's and the ingester's
   * sources (a histogram adds _bucket, _sum and _count) plus what Prometheus adds itself.
   */
  static Set<String> exportedNames() {
    Set<String> names = new TreeSet<>(PROMETHEUS_BUILT_INS);
    names.addAll(namesIn("pipeline-job/src/main/java/io/streampipe/job/metrics/JobMetrics.java"));
    // The ingester's metrics (spec.ingest) are on the same dashboard.
    names.addAll(namesIn("ingest/src/main/java/io/streampipe/ingest/IngestMetrics.java"));
    return names;
  }

  private static Set<String> namesIn(String path) {
    Path source = DeployPaths.project().resolve(path);
    String java;
    try {
      java = Files.readString(source, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("metric names live in " + source, e);
    }
    Map<String, String> constants = new HashMap<>();
    Matcher constant = JAVA_METRIC_CONSTANT.matcher(java);
    while (constant.find()) {
      constants.put(constant.group(1), constant.group(2));
    }
    if (constants.isEmpty()) {
      throw new IllegalStateException("no metric constants found in " + source);
    }
    Set<String> names = new TreeSet<>(constants.values());
    Matcher histogram = JAVA_HISTOGRAM.matcher(java);
    while (histogram.find()) {
      String name = constants.get(histogram.group(1));
      if (name != null) {
        names.addAll(List.of(name + "_bucket", name + "_sum", name + "_count"));
      }
    }
    return names;
  }
}
