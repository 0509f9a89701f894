package org.congressflow.benchmark;

import java.lang.management.ManagementFactory;

/** What the machine was doing: the load average, so a report tells when other processes shared the cores. */
final class Machine {

  private Machine() {}

  /** The system's load average of the last minute, or "unknown" where the JVM cannot tell. */
  static String loadAverage() {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return load < 0 ? "unknown" : String.format(java.util.Locale.ROOT, "%.2f (last minute, %d cores)", load,
        Runtime.getRuntime().availableProcessors());
  }
}
