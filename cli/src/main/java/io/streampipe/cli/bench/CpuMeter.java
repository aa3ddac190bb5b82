package io.streampipe.cli.bench;

import java.time.Duration;

/**
 * CPU time used so far by this JVM (the job or the raw client) and by the forked Cassandra and
 * Kafka, so each measurement can say where its CPU went: on two shared cores every cycle the client
 * spends is a cycle Cassandra does not get.
 */
final class CpuMeter {
  private final long cassandraPid;
  private final long kafkaPid;

  /** CPU used by each process between two readings. */
  record Usage(Duration jvm, Duration cassandra, Duration kafka) {
    Usage minus(Usage earlier) {
      return new Usage(
          jvm.minus(earlier.jvm), cassandra.minus(earlier.cassandra), kafka.minus(earlier.kafka));
    }

    /** Microseconds of CPU per row written, per process. */
    String perRow(long rows) {
      return String.format(
          "JVM %.1f + Cassandra %.1f + Kafka %.1f us/row",
          micros(jvm, rows), micros(cassandra, rows), micros(kafka, rows));
    }

    private static double micros(Duration cpu, long rows) {
      return rows == 0 ? 0 : cpu.toNanos() / 1000.0 / rows;
    }
  }

  CpuMeter(long cassandraPid, long kafkaPid) {
    this.cassandraPid = cassandraPid;
    this.kafkaPid = kafkaPid;
  }

  Usage now() {
    return new Usage(cpu(ProcessHandle.current()), cpu(cassandraPid), cpu(kafkaPid));
  }

  private static Duration cpu(long pid) {
    return ProcessHandle.of(pid).map(CpuMeter::cpu).orElse(Duration.ZERO);
  }

  private static Duration cpu(ProcessHandle process) {
    return process.info().totalCpuDuration().orElse(Duration.ZERO);
  }
}
