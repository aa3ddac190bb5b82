package io.streampipe.api.validation;

import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;

/** Bounds beyond which a setting is a mistake rather than a choice. */
final class Limits {
  static final int MAX_FIELDS = 500;
  static final int MAX_PARTITIONS = 10_000;
  static final int MAX_REPLICAS = 10;
  static final int MAX_REPLICATION_FACTOR = 10;
  static final long MAX_OFFSETS_PER_TRIGGER = 100_000_000L;
  static final int MAX_WRITE_BATCH_ROWS = 1_000;
  static final int MAX_WRITE_BATCH_BYTES = 1 << 20;
  static final Duration MIN_TRIGGER = Duration.ofMillis(100);
  static final Duration MAX_TRIGGER = Duration.ofDays(1);

  /** A budget window holds at least two progress reads at the operator's 30 s poll. */
  static final Duration MIN_BUDGET_WINDOW = Duration.ofMinutes(1);

  static final Duration MAX_BUDGET_WINDOW = Duration.ofDays(1);

  /** Cassandra refuses TTLs above 20 years. */
  static final Duration MAX_WRITE_RETRY = Duration.ofHours(1);

  static final Duration MAX_TTL = Duration.ofSeconds(630_720_000L);

  static final int MAX_CORES = 64;
  static final int MAX_EXECUTORS = 1_000;
  static final long MAX_MEMORY_MIB = 512L * 1024;

  static final Pattern TOPIC_NAME = Pattern.compile("^[a-zA-Z0-9._-]{1,249}$");
  static final Pattern TOPIC_CONFIG_KEY = Pattern.compile("^[a-z][a-z0-9.]*$");
  static final Pattern SPARK_MEMORY = Pattern.compile("^([1-9][0-9]*)([kmgt]?)$");
  static final Pattern QUANTITY = Pattern.compile("^[1-9][0-9]*(Ki|Mi|Gi|Ti|Pi|k|M|G|T)?$");
  static final Pattern RESET_TOKEN = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$");
  static final Pattern IMAGE = Pattern.compile("^[^\\s]+$");

  static final Set<String> SYSTEM_KEYSPACES =
      Set.of(
          "system",
          "system_schema",
          "system_auth",
          "system_distributed",
          "system_traces",
          "system_views",
          "system_virtual_schema");

  private Limits() {}

  /** Spark memory notation in MiB, or -1 when it does not parse. */
  static long sparkMemoryMib(String memory) {
    var matcher = SPARK_MEMORY.matcher(memory);
    if (!matcher.matches() || matcher.group(1).length() > 12) {
      return -1;
    }
    long amount = Long.parseLong(matcher.group(1));
    return switch (matcher.group(2)) {
      case "" -> amount / (1024 * 1024);
      case "k" -> amount / 1024;
      case "m" -> amount;
      case "g" -> amount * 1024;
      default -> amount * 1024 * 1024;
    };
  }
}
