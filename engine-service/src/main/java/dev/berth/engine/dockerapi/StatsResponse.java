package dev.berth.engine.dockerapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.node.api.ContainerStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Docker's stats of a container ({@code GET /containers/{id}/stats}), as {@code docker stats}
 * computes its columns from them: CPU % from the change of {@code cpu_stats} against
 * {@code precpu_stats}, memory from {@code memory_stats}, NET I/O from {@code networks}, BLOCK I/O
 * from {@code blkio_stats}, PIDs from {@code pids_stats}. See the reference's §3.19.
 *
 * @param read when this reading was taken
 * @param preread when the previous one was taken ({@code 0001-01-01T00:00:00Z} when there is none)
 * @param pidsStats processes
 * @param blkioStats block device I/O
 * @param numProcs always 0 on Linux
 * @param storageStats Windows only: empty
 * @param cpuStats CPU use now
 * @param precpuStats CPU use at the previous reading
 * @param memoryStats memory use
 * @param name the container's name with Docker's leading slash
 * @param id the container's ID
 * @param networks counters per interface
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record StatsResponse(@JsonProperty("read") String read, @JsonProperty("preread") String preread,
    @JsonProperty("pids_stats") PidsStats pidsStats, @JsonProperty("blkio_stats") BlkioStats blkioStats,
    @JsonProperty("num_procs") int numProcs, @JsonProperty("storage_stats") Map<String, Object> storageStats,
    @JsonProperty("cpu_stats") CpuStats cpuStats, @JsonProperty("precpu_stats") CpuStats precpuStats,
    @JsonProperty("memory_stats") MemoryStats memoryStats, @JsonProperty("name") String name,
    @JsonProperty("id") String id, @JsonProperty("networks") Map<String, NetworkStats> networks) {

  static final String ZERO_TIME = "0001-01-01T00:00:00Z";

  /** A reading, with the previous one (or null) as its {@code precpu_stats}. */
  static StatsResponse of(String name, String id, ContainerStats now, ContainerStats previous) {
    Map<String, NetworkStats> networks = new LinkedHashMap<>();
    if (now.networks() != null) {
      now.networks().forEach((nic, counters) -> networks.put(nic, NetworkStats.of(counters)));
    }
    return new StatsResponse(now.read().toString(), previous == null ? ZERO_TIME : previous.read().toString(),
        new PidsStats(now.pids(), now.pidsLimit() > 0 ? now.pidsLimit() : null),
        new BlkioStats(List.of(new BlkioEntry(0, 0, "read", now.blockReadBytes()),
            new BlkioEntry(0, 0, "write", now.blockWriteBytes()))),
        0, Map.of(), CpuStats.of(now), previous == null ? CpuStats.none() : CpuStats.of(previous),
        new MemoryStats(now.memoryUsage(), now.memoryLimit(), Map.of("cache", now.memoryCache())),
        "/" + name, id, networks);
  }

  /** What dockerd answers for a container that does not run: zeros. */
  static StatsResponse notRunning(String name, String id) {
    return new StatsResponse(ZERO_TIME, ZERO_TIME, new PidsStats(0, null), new BlkioStats(null), 0, Map.of(),
        CpuStats.none(), CpuStats.none(), new MemoryStats(0, 0, null), "/" + name, id, null);
  }

  /** @param current processes now @param limit the pids limit, absent when unlimited */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record PidsStats(@JsonProperty("current") long current, @JsonProperty("limit") Long limit) {
  }

  /** @param ioServiceBytesRecursive bytes read and written */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record BlkioStats(@JsonProperty("io_service_bytes_recursive") List<BlkioEntry> ioServiceBytesRecursive) {
  }

  /** @param major device major @param minor device minor @param op {@code read} or {@code write} @param value bytes */
  record BlkioEntry(@JsonProperty("major") long major, @JsonProperty("minor") long minor,
      @JsonProperty("op") String op, @JsonProperty("value") long value) {
  }

  /**
   * @param cpuUsage the container's CPU time
   * @param systemCpuUsage the host's CPU time, absent when not read
   * @param onlineCpus CPUs online, absent when not read
   * @param throttlingData CFS throttling (not read: zeros)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record CpuStats(@JsonProperty("cpu_usage") CpuUsage cpuUsage, @JsonProperty("system_cpu_usage") Long systemCpuUsage,
      @JsonProperty("online_cpus") Integer onlineCpus, @JsonProperty("throttling_data") ThrottlingData throttlingData) {

    static CpuStats of(ContainerStats stats) {
      return new CpuStats(new CpuUsage(stats.cpuTotalNanos(), stats.cpuSystemNanos(), stats.cpuUserNanos()),
          stats.systemCpuNanos(), stats.onlineCpus(), new ThrottlingData(0, 0, 0));
    }

    static CpuStats none() {
      return new CpuStats(new CpuUsage(0, 0, 0), null, null, new ThrottlingData(0, 0, 0));
    }
  }

  /** @param totalUsage nanoseconds @param usageInKernelmode of which in the kernel @param usageInUsermode of which in user mode */
  record CpuUsage(@JsonProperty("total_usage") long totalUsage,
      @JsonProperty("usage_in_kernelmode") long usageInKernelmode,
      @JsonProperty("usage_in_usermode") long usageInUsermode) {
  }

  /** @param periods CFS periods @param throttledPeriods of which throttled @param throttledTime nanoseconds throttled */
  record ThrottlingData(@JsonProperty("periods") long periods, @JsonProperty("throttled_periods") long throttledPeriods,
      @JsonProperty("throttled_time") long throttledTime) {
  }

  /** @param usage bytes in use @param limit the limit in bytes @param stats details: {@code cache} */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record MemoryStats(@JsonProperty("usage") long usage, @JsonProperty("limit") long limit,
      @JsonProperty("stats") Map<String, Long> stats) {
  }

  /** Counters of one interface, under Docker's names. */
  record NetworkStats(@JsonProperty("rx_bytes") long rxBytes, @JsonProperty("rx_packets") long rxPackets,
      @JsonProperty("rx_errors") long rxErrors, @JsonProperty("rx_dropped") long rxDropped,
      @JsonProperty("tx_bytes") long txBytes, @JsonProperty("tx_packets") long txPackets,
      @JsonProperty("tx_errors") long txErrors, @JsonProperty("tx_dropped") long txDropped) {

    static NetworkStats of(ContainerStats.NetworkStats counters) {
      return new NetworkStats(counters.rxBytes(), counters.rxPackets(), counters.rxErrors(), counters.rxDropped(),
          counters.txBytes(), counters.txPackets(), counters.txErrors(), counters.txDropped());
    }
  }
}
