package dev.berth.node.stats;

import dev.berth.node.api.ContainerStats;
import dev.berth.node.api.ContainerStats.NetworkStats;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Reads a container's {@link ContainerStats} from its cgroup, v1 or v2, whichever the host mounts: v2
 * when the cgroup root has {@code cgroup.controllers} and no v1 {@code memory} hierarchy (a hybrid host's
 * empty {@code unified} mount does not count). The cgroup is the one the container's process is in, from
 * {@code /proc/<pid>/cgroup}, else {@code /berth/<containerId>}, the {@code linux.cgroupsPath} Berth gives
 * every container. Callers poll it (once a second for {@code docker stats}).
 */
@Service
public class CgroupStats {

  private final Path cgroupRoot;
  private final Path procRoot;
  private final Clock clock;

  /** Stats of this host: {@code /sys/fs/cgroup} and {@code /proc}. */
  public CgroupStats() {
    this(Path.of("/sys/fs/cgroup"), Path.of("/proc"), Clock.systemUTC());
  }

  /** Stats read below other roots (fixtures in tests). */
  public CgroupStats(Path cgroupRoot, Path procRoot, Clock clock) {
    this.cgroupRoot = cgroupRoot;
    this.procRoot = procRoot;
    this.clock = clock;
  }

  /** Whether the host uses the unified (v2) hierarchy only. */
  public boolean unified() {
    return Files.exists(cgroupRoot.resolve("cgroup.controllers")) && !Files.isDirectory(cgroupRoot.resolve("memory"));
  }

  /**
   * The current usage of container {@code containerId}, whose init process is {@code pid} (0 when unknown,
   * then its cgroup is found by its id), with the {@code networks} counters the caller read from its
   * network namespace.
   *
   * @throws UncheckedIOException with a {@link NoSuchFileException} when the container has no cgroup (it
   *     is not running)
   */
  public ContainerStats read(String containerId, int pid, Map<String, NetworkStats> networks) {
    Map<String, String> paths = processCgroups(pid);
    String fallback = "/berth/" + containerId;
    CgroupUsage usage = unified()
        ? CgroupV2.read(cgroupRoot, paths.getOrDefault("", fallback))
        : CgroupV1.read(cgroupRoot, controller -> paths.getOrDefault(controller, fallback));
    HostStats host = HostStats.read(procRoot);
    return new ContainerStats(clock.instant(), usage.cpuTotalNanos(), usage.cpuUserNanos(), usage.cpuSystemNanos(),
        host.systemCpuNanos(), host.onlineCpus(), usage.memoryUsage(),
        usage.memoryLimit() == CgroupUsage.UNLIMITED || usage.memoryLimit() > host.memTotal()
            ? host.memTotal() : usage.memoryLimit(),
        usage.memoryCache(), usage.pids(), usage.pidsLimit() == CgroupUsage.UNLIMITED ? 0 : usage.pidsLimit(),
        Map.copyOf(networks), usage.blockReadBytes(), usage.blockWriteBytes());
  }

  /**
   * The cgroup paths of process {@code pid} by controller ({@code ""} for the v2 hierarchy), from lines
   * {@code <id>:<controller,...>:<path>}; empty when the process is unknown or gone.
   */
  private Map<String, String> processCgroups(int pid) {
    Map<String, String> paths = new HashMap<>();
    if (pid <= 0) {
      return paths;
    }
    List<String> lines = CgroupFiles.lines(procRoot.resolve(Integer.toString(pid)).resolve("cgroup"));
    for (String line : lines) {
      String[] fields = line.split(":", 3);
      if (fields.length == 3) {
        for (String controller : fields[1].split(",")) {
          paths.put(controller, fields[2]);
        }
      }
    }
    return paths;
  }
}
