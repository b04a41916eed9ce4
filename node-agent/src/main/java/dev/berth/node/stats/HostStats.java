package dev.berth.node.stats;

import java.nio.file.Path;
import java.util.List;

/**
 * The host-wide figures Docker's stats carry beside a container's: total CPU time, online CPUs and memory,
 * read from {@code /proc/stat} and {@code /proc/meminfo}.
 *
 * @param systemCpuNanos CPU time of all CPUs: the first seven fields of the {@code cpu} line of
 *     {@code /proc/stat} (user, nice, system, idle, iowait, irq, softirq, in USER_HZ ticks) in nanoseconds,
 *     the sum Docker's {@code system_cpu_usage} is
 * @param onlineCpus the {@code cpuN} lines of {@code /proc/stat}, which lists online CPUs only
 * @param memTotal {@code MemTotal} of {@code /proc/meminfo} in bytes
 */
record HostStats(long systemCpuNanos, int onlineCpus, long memTotal) {

  /** The tick {@code /proc/stat} counts in, {@code sysconf(_SC_CLK_TCK)}: 100 on every Linux ABI. */
  static final long USER_HZ = 100;

  /** Reads the figures from the proc filesystem at {@code proc}. */
  static HostStats read(Path proc) {
    long ticks = 0;
    int cpus = 0;
    for (String line : CgroupFiles.lines(proc.resolve("stat"))) {
      if (line.startsWith("cpu ")) {
        String[] fields = line.trim().split("\\s+");
        for (int i = 1; i <= 7 && i < fields.length; i++) {
          ticks += Long.parseLong(fields[i]);
        }
      } else if (line.startsWith("cpu")) {
        cpus++;
      }
    }
    return new HostStats(ticks * (1_000_000_000L / USER_HZ), cpus, memTotal(CgroupFiles.lines(proc.resolve("meminfo"))));
  }

  private static long memTotal(List<String> meminfo) {
    for (String line : meminfo) {
      if (line.startsWith("MemTotal:")) {
        return Long.parseLong(line.substring("MemTotal:".length()).trim().split("\\s+")[0]) * 1024;
      }
    }
    return 0;
  }
}
