package dev.berth.node.stats;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/** Reads a container's usage from its cgroup in the unified (v2) hierarchy. */
final class CgroupV2 {

  private CgroupV2() {
  }

  /**
   * The usage of the cgroup at {@code path} below {@code root}.
   *
   * @throws UncheckedIOException with a {@link NoSuchFileException} when the cgroup does not exist
   */
  static CgroupUsage read(Path root, String path) {
    Path cgroup = root.resolve(path.startsWith("/") ? path.substring(1) : path);
    if (!Files.isDirectory(cgroup)) {
      throw new UncheckedIOException(new NoSuchFileException(cgroup.toString(), null, "no cgroup"));
    }
    Map<String, Long> cpuStat = CgroupFiles.keyed(cgroup.resolve("cpu.stat"));
    Map<String, Long> memoryStat = CgroupFiles.keyed(cgroup.resolve("memory.stat"));
    long usage = CgroupFiles.number(cgroup.resolve("memory.current"));
    long inactiveFile = memoryStat.getOrDefault("inactive_file", 0L);
    long[] io = blockIo(cgroup.resolve("io.stat"));
    return new CgroupUsage(
        cpuStat.getOrDefault("usage_usec", 0L) * 1000,
        cpuStat.getOrDefault("user_usec", 0L) * 1000,
        cpuStat.getOrDefault("system_usec", 0L) * 1000,
        inactiveFile < usage ? usage - inactiveFile : usage,
        Files.exists(cgroup.resolve("memory.max")) ? CgroupFiles.number(cgroup.resolve("memory.max"))
            : CgroupUsage.UNLIMITED,
        memoryStat.getOrDefault("file", 0L),
        CgroupFiles.number(cgroup.resolve("pids.current")),
        Files.exists(cgroup.resolve("pids.max")) ? CgroupFiles.number(cgroup.resolve("pids.max"))
            : CgroupUsage.UNLIMITED,
        io[0], io[1]);
  }

  /** Bytes read and written, summed over devices: lines {@code <major>:<minor> rbytes=N wbytes=N rios=N ...}. */
  private static long[] blockIo(Path ioStat) {
    long[] io = new long[2];
    for (String line : CgroupFiles.lines(ioStat)) {
      for (String field : line.trim().split("\\s+")) {
        if (field.startsWith("rbytes=")) {
          io[0] += Long.parseLong(field.substring("rbytes=".length()));
        } else if (field.startsWith("wbytes=")) {
          io[1] += Long.parseLong(field.substring("wbytes=".length()));
        }
      }
    }
    return io;
  }
}
