package io.streampipe.cli.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU used by each side of the ingest benchmark: the client (this JVM without the harness's
 * servers: the ingester or the plain producer, GC and JIT included), the local servers standing in
 * for the API, and the Kafka broker. A real API runs elsewhere; its CPU is measured apart so it is
 * seen, not hidden in the ingester's figure.
 */
final class SideCpu {
  /** The names of the threads that serve the benchmark's API, not the client under test. */
  static final String SERVER_THREAD = "bench-server";

  private final long kafkaPid;
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** CPU nanoseconds per side, between two readings. */
  record Usage(long client, long servers, long broker) {
    Usage minus(Usage earlier) {
      return new Usage(client - earlier.client, servers - earlier.servers, broker - earlier.broker);
    }

    /** Microseconds of CPU per record, per side. */
    String perRecord(long records) {
      return String.format(
          "client %.2f + servers %.2f + Kafka %.2f us/record",
          micros(client, records), micros(servers, records), micros(broker, records));
    }

    static double micros(long nanos, long records) {
      return records == 0 ? 0 : nanos / 1000.0 / records;
    }
  }

  SideCpu(long kafkaPid) {
    this.kafkaPid = kafkaPid;
  }

  /** Read while the sides' threads are alive: a thread that ended takes its time with it. */
  Usage now() {
    long servers = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && isServer(info.getThreadName())) {
        servers += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    long broker =
        ProcessHandle.of(kafkaPid)
            .flatMap(p -> p.info().totalCpuDuration())
            .map(d -> d.toNanos())
            .orElse(0L);
    return new Usage(os.getProcessCpuTime() - servers, servers, broker);
  }

  static boolean isServer(String thread) {
    return thread.startsWith(SERVER_THREAD);
  }
}
