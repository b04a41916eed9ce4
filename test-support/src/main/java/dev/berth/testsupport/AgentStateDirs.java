package dev.berth.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runtime state directories of node agents under test ({@code berth.node.runtime.state-dir}, one per
 * agent under {@code /run}). An agent mounts a tmpfs there when {@code /run} is on a disk, and the OCI
 * runtime's binary read-only at {@code bin/<runtime>} below it.
 */
public final class AgentStateDirs {

  private static final Pattern OCTAL = Pattern.compile("\\\\([0-7]{3})");

  private AgentStateDirs() {
  }

  /** The state directory of the agent under test that {@code suffix} names: {@code /run/berth-it-<suffix>}. */
  public static Path of(String suffix) {
    return Path.of("/run/berth-it-" + suffix);
  }

  /**
   * Unmounts what the agent mounted there (deepest first) and deletes the directory. Call it once the
   * agent's containers are removed: nothing else is mounted there then, and nothing across a mount is deleted.
   */
  public static void remove(Path dir) {
    for (String target : mountsUnder(dir.toAbsolutePath().normalize().toString())) {
      Commands.result(Duration.ofSeconds(30), List.of("umount", target));
    }
    Commands.result(Duration.ofSeconds(30), List.of("rm", "-rf", "--one-file-system", dir.toString()));
  }

  /** The mount points at or below {@code dir}, from {@code /proc/self/mountinfo}, deepest first. */
  private static List<String> mountsUnder(String dir) {
    try {
      return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
          .map(line -> unescape(line.split(" ")[4]))
          .filter(target -> target.equals(dir) || target.startsWith(dir + "/"))
          .sorted(Comparator.comparingInt(String::length).reversed())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String unescape(String field) {
    Matcher octal = OCTAL.matcher(field);
    return octal.replaceAll(match -> Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(match.group(1),
        8))));
  }
}
