package dev.berth.node.api;

/**
 * cgroup limits; 0 or null means unlimited.
 *
 * @param memory memory limit in bytes
 * @param memorySwap memory plus swap in bytes; -1 unlimited swap
 * @param cpuShares relative CPU weight (Docker's default 1024)
 * @param cpuPeriod CFS period in microseconds
 * @param cpuQuota CFS quota in microseconds per period
 * @param nanoCpus CPUs in units of 10^-9 (Docker's {@code --cpus}); sets period and quota
 * @param cpusetCpus CPUs the container may run on ({@code 0-1}, {@code 0,1})
 * @param cpusetMems memory nodes it may use
 * @param pidsLimit maximum number of processes; 0 or -1 unlimited
 */
public record Resources(long memory, long memorySwap, long cpuShares, long cpuPeriod, long cpuQuota, long nanoCpus,
    String cpusetCpus, String cpusetMems, long pidsLimit) {

  public static Resources none() {
    return new Resources(0, 0, 0, 0, 0, 0, null, null, 0);
  }
}
