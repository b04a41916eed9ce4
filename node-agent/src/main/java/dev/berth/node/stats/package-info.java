/**
 * Container resource usage read from the kernel: CPU, memory, pids and block I/O from the container's
 * cgroup — the v1 controllers ({@code cpuacct}, {@code memory}, {@code pids}, {@code blkio}; see the
 * <a href="https://docs.kernel.org/admin-guide/cgroup-v1/index.html">cgroup v1 documentation</a>) or the
 * unified v2 hierarchy ({@code cpu.stat}, {@code memory.*}, {@code pids.*}, {@code io.stat}; see
 * <a href="https://docs.kernel.org/admin-guide/cgroup-v2.html">Control Group v2</a>) — and the host's CPU
 * time and memory from {@code /proc}, shaped as Docker's stats so the engine can compute percentages the
 * way the docker CLI does.
 */
package dev.berth.node.stats;
