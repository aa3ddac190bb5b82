package io.streampipe.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM options the chart runs the operator with, as its container shows itself to the JVM: the
 * chart's {@code javaOptions} plus its CPU and memory limits. The limits matter beyond the heap:
 * with one CPU (or under 1,792 MB) the JVM picks the Serial collector instead of G1, and with it a
 * different footprint, so a forked operator measured without them is not the one users run.
 */
final class ChartJvm {
  private ChartJvm() {}

  /** From the chart's values.yaml. */
  static List<String> options() {
    try {
      return options(
          new ObjectMapper(new YAMLFactory())
              .readTree(
                  TestPipelines.projectDir()
                      .resolve("helm/streampipe-operator/values.yaml")
                      .toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> options(JsonNode values) {
    JsonNode limits = values.path("resources").path("limits");
    List<String> options = new ArrayList<>();
    options.add("-XX:ActiveProcessorCount=" + processors(limits.path("cpu").asText()));
    options.add("-XX:MaxRAM=" + bytes(limits.path("memory").asText()));
    Arrays.stream(values.path("javaOptions").asText().trim().split("\\s+"))
        .filter(option -> !option.isEmpty())
        .forEach(options::add);
    return options;
  }

  /** A CPU quantity ("1", "1500m") as the processors the JVM counts: rounded up, at least one. */
  static int processors(String cpu) {
    if (cpu.isBlank()) {
      throw new IllegalArgumentException("the chart sets no CPU limit");
    }
    double cores =
        cpu.endsWith("m")
            ? Double.parseDouble(cpu.substring(0, cpu.length() - 1)) / 1000
            : Double.parseDouble(cpu);
    return Math.max(1, (int) Math.ceil(cores));
  }

  /** A memory quantity in bytes, for the binary suffixes the chart uses (Ki, Mi, Gi) or none. */
  static long bytes(String memory) {
    String[] suffixes = {"Ki", "Mi", "Gi"};
    for (int i = 0; i < suffixes.length; i++) {
      if (memory.endsWith(suffixes[i])) {
        return Long.parseLong(memory.substring(0, memory.length() - 2)) << (10 * (i + 1));
      }
    }
    if (!memory.matches("[0-9]+")) {
      throw new IllegalArgumentException("unsupported memory limit in the chart: '" + memory + "'");
    }
    return Long.parseLong(memory);
  }
}
