package dev.berth.node.api;

import java.time.Instant;
import java.util.Map;

/**
 * Resource usage of a container read from its cgroups (v1 or v2) and its network namespace.
 *
 * @param read when it was read
 * @param cpuTotalNanos CPU time used by the container, in nanoseconds
 * @param cpuUserNanos of which in user mode
 * @param cpuSystemNanos of which in kernel mode
 * @param systemCpuNanos CPU time the whole host used, in nanoseconds (Docker's system_cpu_usage)
 * @param onlineCpus CPUs online on the host
 * @param memoryUsage memory in use in bytes
 * @param memoryLimit its memory limit in bytes (the host's memory when unlimited)
 * @param memoryCache of the usage, page cache in bytes
 * @param pids processes in the container
 * @param pidsLimit its pids limit, 0 when unlimited
 * @param networks per interface: bytes and packets received and sent
 * @param blockReadBytes bytes read from block devices
 * @param blockWriteBytes bytes written to block devices
 */
public record ContainerStats(Instant read, long cpuTotalNanos, long cpuUserNanos, long cpuSystemNanos,
    long systemCpuNanos, int onlineCpus, long memoryUsage, long memoryLimit, long memoryCache, long pids,
    long pidsLimit, Map<String, NetworkStats> networks, long blockReadBytes, long blockWriteBytes) {

  /** Counters of one network interface. */
  public record NetworkStats(long rxBytes, long rxPackets, long rxErrors, long rxDropped, long txBytes,
      long txPackets, long txErrors, long txDropped) {
  }
}
