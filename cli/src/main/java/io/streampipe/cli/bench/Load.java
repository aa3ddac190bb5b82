package io.streampipe.cli.bench;

import java.lang.management.ManagementFactory;

/** The one-minute load average, recorded beside each measurement. */
final class Load {
  private Load() {}

  static double now() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
