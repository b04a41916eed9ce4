package dev.berth.node.stats;

/**
 * Counters of one container's cgroup, whichever hierarchy version they were read from.
 *
 * @param cpuTotalNanos CPU time used, in nanoseconds
 * @param cpuUserNanos of which in user mode
 * @param cpuSystemNanos of which in kernel mode
 * @param memoryUsage memory in use without the inactive page cache (as the docker CLI shows it)
 * @param memoryLimit the memory limit in bytes, {@link #UNLIMITED} when there is none
 * @param memoryCache page cache in bytes
 * @param pids processes in the cgroup
 * @param pidsLimit the pids limit, {@link #UNLIMITED} when there is none
 * @param blockReadBytes bytes read from block devices
 * @param blockWriteBytes bytes written to block devices
 */
record CgroupUsage(long cpuTotalNanos, long cpuUserNanos, long cpuSystemNanos, long memoryUsage, long memoryLimit,
    long memoryCache, long pids, long pidsLimit, long blockReadBytes, long blockWriteBytes) {

  /** A limit that is not set. */
  static final long UNLIMITED = -1;
}
