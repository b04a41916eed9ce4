package dev.berth.node.stats;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a container's usage from the cgroup v1 controllers, one hierarchy per controller under the cgroup
 * root ({@code memory/}, {@code cpuacct/}, {@code pids/}, {@code blkio/}).
 */
final class CgroupV1 {

  /** cpuacct.stat counts in USER_HZ ticks, 100 a second on Linux. */
  static final long NANOS_PER_TICK = 1_000_000_000L / HostStats.USER_HZ;

  private CgroupV1() {
  }

  /**
   * The usage of the cgroup at {@code path} (per controller, as in {@code /proc/<pid>/cgroup}).
   *
   * @throws UncheckedIOException with a {@link NoSuchFileException} when it has no memory cgroup
   */
  static CgroupUsage read(Path root, Function<String, String> path) {
    Path memory = root.resolve("memory").resolve(relative(path.apply("memory")));
    if (!Files.isDirectory(memory)) {
      throw new UncheckedIOException(new NoSuchFileException(memory.toString(), null, "no memory cgroup"));
    }
    Path cpuacct = root.resolve("cpuacct").resolve(relative(path.apply("cpuacct")));
    Path pids = root.resolve("pids").resolve(relative(path.apply("pids")));
    Path blkio = root.resolve("blkio").resolve(relative(path.apply("blkio")));

    Map<String, Long> cpuStat = CgroupFiles.keyed(cpuacct.resolve("cpuacct.stat"));
    Map<String, Long> memoryStat = CgroupFiles.keyed(memory.resolve("memory.stat"));
    long usage = CgroupFiles.number(memory.resolve("memory.usage_in_bytes"));
    long inactiveFile = memoryStat.getOrDefault("total_inactive_file", memoryStat.getOrDefault("inactive_file", 0L));
    long[] io = blockIo(blkio);
    return new CgroupUsage(
        CgroupFiles.number(cpuacct.resolve("cpuacct.usage")),
        cpuStat.getOrDefault("user", 0L) * NANOS_PER_TICK,
        cpuStat.getOrDefault("system", 0L) * NANOS_PER_TICK,
        inactiveFile < usage ? usage - inactiveFile : usage,
        CgroupFiles.v1Limit(memory.resolve("memory.limit_in_bytes")),
        memoryStat.getOrDefault("total_cache", memoryStat.getOrDefault("cache", 0L)),
        CgroupFiles.number(pids.resolve("pids.current")),
        CgroupFiles.number(pids.resolve("pids.max")),
        io[0], io[1]);
  }

  /**
   * Bytes read and written, summed over devices, from {@code blkio.throttle.io_service_bytes_recursive}
   * (the cgroup and its descendants) or, on kernels without it, {@code blkio.throttle.io_service_bytes};
   * lines are {@code <major>:<minor> <Read|Write|Sync|Async|Discard|Total> <bytes>}.
   */
  private static long[] blockIo(Path blkio) {
    Path recursive = blkio.resolve("blkio.throttle.io_service_bytes_recursive");
    Path file = Files.exists(recursive) ? recursive : blkio.resolve("blkio.throttle.io_service_bytes");
    long[] io = new long[2];
    for (String line : CgroupFiles.lines(file)) {
      String[] fields = line.trim().split("\\s+");
      if (fields.length == 3 && fields[0].contains(":")) {
        int slot = switch (fields[1]) {
          case "Read" -> 0;
          case "Write" -> 1;
          default -> -1;
        };
        if (slot >= 0) {
          io[slot] += Long.parseLong(fields[2]);
        }
      }
    }
    return io;
  }

  private static String relative(String path) {
    return path.startsWith("/") ? path.substring(1) : path;
  }
}
