package dev.berth.node.container;

import dev.berth.node.sys.MountPoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** The agent's view of the mount table. */
final class MountTable {

  private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");

  private MountTable() {
  }

  /**
   * Whether something is mounted on {@code path}: asked of the kernel for the path alone
   * ({@link MountPoints}), or, on kernels that cannot tell, looked up in {@code /proc/self/mountinfo}.
   */
  static boolean isMountPoint(Path path) throws IOException {
    Optional<Boolean> root = MountPoints.isMountRoot(path);
    return root.isPresent() ? root.get() : inMountInfo(path);
  }

  /** Whether the path is the fifth field of a mountinfo line (octal-escaped). */
  static boolean inMountInfo(Path path) throws IOException {
    String escaped = path.toAbsolutePath().normalize().toString()
        .replace("\\", "\\134").replace(" ", "\\040").replace("\t", "\\011").replace("\n", "\\012");
    try (Stream<String> lines = Files.lines(MOUNTINFO)) {
      return lines.map(line -> line.split(" ", 6)).anyMatch(fields -> fields.length > 4 && fields[4].equals(escaped));
    }
  }
}
