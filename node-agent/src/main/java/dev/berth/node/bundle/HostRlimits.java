package dev.berth.node.bundle;

import dev.berth.node.api.Ulimit;
import dev.berth.node.bundle.spec.Process.Rlimit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The agent's own hard rlimits, read from {@code /proc/self/limits}, which cap every rlimit a
 * container gets: a process cannot raise a hard limit above its parent's without
 * CAP_SYS_RESOURCE in the initial namespace, and runc would fail the start.
 */
public final class HostRlimits {

  /** Docker's default rlimits: only the open file limit, 1048576. */
  public static final List<Ulimit> DOCKER_DEFAULTS = List.of(new Ulimit("nofile", 1048576, 1048576));

  private static final Map<String, String> NAMES = Map.ofEntries(
      Map.entry("Max cpu time", "cpu"), Map.entry("Max file size", "fsize"), Map.entry("Max data size", "data"),
      Map.entry("Max stack size", "stack"), Map.entry("Max core file size", "core"),
      Map.entry("Max resident set", "rss"), Map.entry("Max processes", "nproc"),
      Map.entry("Max open files", "nofile"), Map.entry("Max locked memory", "memlock"),
      Map.entry("Max address space", "as"), Map.entry("Max file locks", "locks"),
      Map.entry("Max pending signals", "sigpending"), Map.entry("Max msgqueue size", "msgqueue"),
      Map.entry("Max nice priority", "nice"), Map.entry("Max realtime priority", "rtprio"),
      Map.entry("Max realtime timeout", "rttime"));

  private final Map<String, Long> hard;

  private HostRlimits(Map<String, Long> hard) {
    this.hard = hard;
  }

  /** This process's limits. */
  public static HostRlimits current() throws IOException {
    return parse(Files.readString(Path.of("/proc/self/limits")));
  }

  /** Limits in the format of {@code /proc/<pid>/limits}. */
  public static HostRlimits parse(String limits) {
    Map<String, Long> hard = new LinkedHashMap<>();
    for (String line : limits.split("\n")) {
      NAMES.forEach((label, name) -> {
        if (line.startsWith(label + " ")) {
          String[] values = line.substring(label.length()).strip().split("\\s+");
          hard.put(name, values[1].equals("unlimited") ? -1L : Long.parseUnsignedLong(values[1]));
        }
      });
    }
    return new HostRlimits(Map.copyOf(hard));
  }

  /**
   * Docker's defaults replaced by {@code ulimits} (by name), each value capped at the host's hard limit.
   *
   * @throws IllegalArgumentException for an unknown name or a soft limit above the hard one
   */
  public List<Rlimit> rlimits(List<Ulimit> ulimits) {
    Map<String, Ulimit> byName = new LinkedHashMap<>();
    DOCKER_DEFAULTS.forEach(u -> byName.put(u.name(), u));
    if (ulimits != null) {
      ulimits.forEach(u -> byName.put(u.name().toLowerCase(Locale.ROOT), u));
    }
    return byName.entrySet().stream().map(e -> {
      String name = e.getKey();
      if (!NAMES.containsValue(name)) {
        throw new IllegalArgumentException("unknown ulimit: " + name);
      }
      Ulimit u = e.getValue();
      if (Long.compareUnsigned(u.soft(), u.hard()) > 0) {
        throw new IllegalArgumentException(
            "ulimit " + name + ": soft limit " + u.soft() + " above hard limit " + u.hard());
      }
      long cap = hard.getOrDefault(name, -1L);
      return Rlimit.of("RLIMIT_" + name.toUpperCase(Locale.ROOT), min(u.hard(), cap), min(u.soft(), cap));
    }).toList();
  }

  private static long min(long a, long b) {
    return Long.compareUnsigned(a, b) <= 0 ? a : b;
  }
}
