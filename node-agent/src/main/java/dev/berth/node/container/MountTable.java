package dev.berth.node.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The agent's view of the mount table ({@code /proc/self/mountinfo}). */
final class MountTable {

  private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");

  private MountTable() {
  }

  /** Whether something is mounted on {@code path} (the fifth field of a mountinfo line, octal-escaped). */
  static boolean isMountPoint(Path path) throws IOException {
    String escaped = path.toAbsolutePath().normalize().toString()
        .replace("\\", "\\134").replace(" ", "\\040").replace("\t", "\\011").replace("\n", "\\012");
    try (Stream<String> lines = Files.lines(MOUNTINFO)) {
      return lines.map(line -> line.split(" ", 6)).anyMatch(fields -> fields.length > 4 && fields[4].equals(escaped));
    }
  }
}
