package dev.berth.node.bundle;

import dev.berth.node.bundle.spec.Process;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Resolves Docker's {@code user[:group]} (names or numbers) against the {@code /etc/passwd} and
 * {@code /etc/group} of an untrusted root filesystem, with runc's rules ({@code libcontainer/user}):
 * a number without a passwd entry is used as is with group 0; a name must exist; without an
 * explicit group the user's primary group applies and its memberships in {@code /etc/group} become
 * the additional groups.
 */
public final class RootfsUsers {

  private static final int MAX_FILE_SIZE = 16 * 1024 * 1024;

  private RootfsUsers() {
  }

  /**
   * A resolved user and its home directory.
   *
   * @param user the uid, gid and additional gids
   * @param home the home directory from /etc/passwd, {@code /} when unknown
   */
  public record ExecUser(Process.User user, String home) {
  }

  /**
   * Resolves {@code spec} ({@code user[:group]}; root when null or empty) in {@code rootfs}.
   *
   * @throws IllegalArgumentException when a named user or group does not exist in the image
   */
  public static ExecUser resolve(Path rootfs, String spec) throws IOException {
    String full = spec == null || spec.isEmpty() ? "0" : spec;
    int colon = full.indexOf(':');
    String userPart = colon >= 0 ? full.substring(0, colon) : full;
    String groupPart = colon >= 0 ? full.substring(colon + 1) : null;
    List<String[]> passwd = entries(rootfs, "/etc/passwd", 7);
    Integer uidNumber = number(userPart);
    Optional<String[]> entry = passwd.stream()
        .filter(e -> number(e[2]) != null && number(e[3]) != null)
        .filter(e -> uidNumber == null ? e[0].equals(userPart) : uidNumber.equals(number(e[2])))
        .findFirst();
    if (entry.isEmpty() && uidNumber == null) {
      throw new IllegalArgumentException("unable to find user " + userPart + ": no matching entries in passwd file");
    }
    int uid = entry.map(e -> number(e[2])).orElse(uidNumber);
    int gid = entry.map(e -> number(e[3])).orElse(0);
    String home = entry.map(e -> e[5]).filter(h -> !h.isEmpty()).orElse("/");
    List<Integer> additional = new ArrayList<>();
    if (groupPart != null && !groupPart.isEmpty()) {
      gid = group(rootfs, groupPart);
    } else if (entry.isPresent()) {
      String name = entry.get()[0];
      for (String[] group : entries(rootfs, "/etc/group", 4)) {
        if (Arrays.asList(group[3].split(",")).contains(name) && number(group[2]) != null) {
          additional.add(number(group[2]));
        }
      }
    }
    return new ExecUser(new Process.User(uid, gid, additional.isEmpty() ? null : List.copyOf(additional)), home);
  }

  private static int group(Path rootfs, String groupPart) throws IOException {
    Integer number = number(groupPart);
    return entries(rootfs, "/etc/group", 4).stream()
        .filter(g -> number == null ? g[0].equals(groupPart) : number.equals(number(g[2])))
        .map(g -> number(g[2]))
        .findFirst()
        .or(() -> Optional.ofNullable(number))
        .orElseThrow(() -> new IllegalArgumentException(
            "unable to find group " + groupPart + ": no matching entries in group file"));
  }

  /** The colon-separated entries of a file in the root filesystem, padded to {@code fields}; none when absent. */
  private static List<String[]> entries(Path rootfs, String file, int fields) throws IOException {
    Path path = RootfsPaths.resolve(rootfs, file);
    if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
      bytes = in.readNBytes(MAX_FILE_SIZE);
    }
    List<String[]> result = new ArrayList<>();
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      result.add(Arrays.copyOf(trimmed.split(":", -1), fields));
    }
    result.replaceAll(e -> Arrays.stream(e).map(f -> f == null ? "" : f).toArray(String[]::new));
    return result;
  }

  private static Integer number(String text) {
    if (text == null || text.isEmpty() || !text.chars().allMatch(Character::isDigit)) {
      return null;
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
