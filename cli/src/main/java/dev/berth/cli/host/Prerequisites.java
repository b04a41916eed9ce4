package dev.berth.cli.host;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds what the stack needs on the host and is not there: an OCI runtime (runc or crun), conmon,
 * the CNI plugins the node agent runs (bridge, host-local, loopback, in its
 * {@code berth.node.network.plugin-dir}, {@code /usr/lib/cni} by default, where Debian's
 * containernetworking-plugins puts them), iptables, and a statically linked {@code /bin/busybox}
 * (Debian's busybox-static) the seed images are built from.
 *
 * @param path the directories searched for programs: {@code PATH} plus the sbin directories a
 *     non-root {@code PATH} often lacks
 * @param cniDir where the CNI plugins must be
 * @param busybox where the static busybox must be
 */
public record Prerequisites(List<Path> path, Path cniDir, Path busybox) {

  /** The plugins node-agent's bridge network runs. */
  static final List<String> CNI_PLUGINS = List.of("bridge", "host-local", "loopback");

  /** This host's: {@code PATH}, {@code BERTH_NODE_NETWORK_PLUGIN_DIR} or {@code /usr/lib/cni}, {@code /bin/busybox}. */
  public static Prerequisites ofHost() {
    Set<Path> dirs = new LinkedHashSet<>();
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(":")) {
      if (!dir.isBlank()) {
        dirs.add(Path.of(dir));
      }
    }
    Stream.of("/usr/local/sbin", "/usr/sbin", "/sbin", "/usr/local/bin", "/usr/bin", "/bin").map(Path::of)
        .forEach(dirs::add);
    String cni = System.getenv().getOrDefault("BERTH_NODE_NETWORK_PLUGIN_DIR", "/usr/lib/cni");
    return new Prerequisites(List.copyOf(dirs), Path.of(cni), Path.of("/bin/busybox"));
  }

  /** Everything missing, in the order it was checked; empty when the host is ready. */
  public List<Prerequisite> missing() {
    List<Prerequisite> missing = new ArrayList<>();
    if (program("runc") == null && program("crun") == null) {
      missing.add(new Prerequisite("runc", "PATH (or crun)", "runc"));
    }
    if (program("conmon") == null) {
      missing.add(new Prerequisite("conmon", "PATH", "conmon"));
    }
    for (String plugin : CNI_PLUGINS) {
      if (!Files.isExecutable(cniDir.resolve(plugin))) {
        missing.add(new Prerequisite("CNI plugin " + plugin, cniDir.resolve(plugin).toString(),
            "containernetworking-plugins"));
      }
    }
    if (program("iptables") == null) {
      missing.add(new Prerequisite("iptables", "PATH", "iptables"));
    }
    if (!isStaticExecutable(busybox)) {
      missing.add(new Prerequisite("statically linked busybox", busybox.toString(), "busybox-static"));
    }
    return missing;
  }

  /** The Debian packages that provide {@code missing}, each once. */
  public static List<String> packages(List<Prerequisite> missing) {
    return missing.stream().map(Prerequisite::debianPackage).distinct().toList();
  }

  /** The first executable {@code name} on the path, or null. */
  public Path program(String name) {
    for (Path dir : path) {
      Path candidate = dir.resolve(name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /**
   * Whether {@code file} is an ELF executable with no program interpreter (no {@code PT_INTERP}
   * segment): statically linked, so it runs in an image that holds nothing else.
   */
  static boolean isStaticExecutable(Path file) {
    if (!Files.isRegularFile(file) || !Files.isExecutable(file)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] header = in.readNBytes(64);
      if (header.length < 64 || header[0] != 0x7f || header[1] != 'E' || header[2] != 'L' || header[3] != 'F'
          || header[4] != 2) {
        return false;
      }
      ByteBuffer elf = ByteBuffer.wrap(header).order(header[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
      long phoff = elf.getLong(0x20);
      int phentsize = Short.toUnsignedInt(elf.getShort(0x36));
      int phnum = Short.toUnsignedInt(elf.getShort(0x38));
      in.skipNBytes(phoff - 64);
      for (int i = 0; i < phnum; i++) {
        ByteBuffer entry = ByteBuffer.wrap(in.readNBytes(phentsize)).order(elf.order());
        if (entry.getInt(0) == 3) {
          return false;
        }
      }
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
