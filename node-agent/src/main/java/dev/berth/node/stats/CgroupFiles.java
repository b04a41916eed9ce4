package dev.berth.node.stats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the small text files cgroups expose. A file that does not exist (its controller is not enabled
 * for the cgroup) reads as zero or empty, so one missing controller does not hide the others.
 */
final class CgroupFiles {

  /** The kernel's "no limit" of a v1 memory cgroup is PAGE_COUNTER_MAX pages: anything this large. */
  private static final long V1_UNLIMITED_FROM = 1L << 62;

  private CgroupFiles() {
  }

  /** The number the file holds; 0 when it is missing, {@link CgroupUsage#UNLIMITED} for {@code max}. */
  static long number(Path file) {
    return value(lines(file).stream().findFirst().orElse("0").trim());
  }

  /** A v1 limit: {@link CgroupUsage#UNLIMITED} for {@code max} or the kernel's huge "unlimited" value. */
  static long v1Limit(Path file) {
    long limit = number(file);
    return limit >= V1_UNLIMITED_FROM ? CgroupUsage.UNLIMITED : limit;
  }

  /** The {@code key value} lines of a file such as {@code memory.stat} or {@code cpu.stat}. */
  static Map<String, Long> keyed(Path file) {
    Map<String, Long> values = new HashMap<>();
    for (String line : lines(file)) {
      String[] fields = line.trim().split("\\s+");
      if (fields.length == 2) {
        values.put(fields[0], value(fields[1]));
      }
    }
    return values;
  }

  /** The lines of the file, empty when it does not exist. */
  static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long value(String text) {
    if (text.equals("max")) {
      return CgroupUsage.UNLIMITED;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
