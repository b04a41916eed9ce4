package dev.berth.node.network;

import dev.berth.node.api.ContainerStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the interface counters of a process's network namespace from {@code /proc/<pid>/net/dev}
 * (two header lines, then per interface: name, eight receive and eight transmit columns).
 */
final class InterfaceCounters {

  private InterfaceCounters() {
  }

  /** The counters of every interface but loopback in the namespace of {@code pid}. */
  static Map<String, ContainerStats.NetworkStats> of(int pid) throws IOException {
    return parse(Files.readAllLines(Path.of("/proc", Integer.toString(pid), "net", "dev")));
  }

  static Map<String, ContainerStats.NetworkStats> parse(List<String> lines) {
    Map<String, ContainerStats.NetworkStats> counters = new LinkedHashMap<>();
    for (String line : lines.subList(Math.min(2, lines.size()), lines.size())) {
      int colon = line.indexOf(':');
      String name = line.substring(0, colon).strip();
      if (name.equals("lo")) {
        continue;
      }
      String[] f = line.substring(colon + 1).strip().split("\\s+");
      counters.put(name, new ContainerStats.NetworkStats(Long.parseLong(f[0]), Long.parseLong(f[1]),
          Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[8]), Long.parseLong(f[9]),
          Long.parseLong(f[10]), Long.parseLong(f[11])));
    }
    return counters;
  }
}
