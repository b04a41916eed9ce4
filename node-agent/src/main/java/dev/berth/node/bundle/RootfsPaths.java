package dev.berth.node.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Resolves paths inside an untrusted root filesystem the way the container will see them: every
 * symbolic link is followed by hand, relative to the root filesystem, and {@code ..} never climbs
 * above it, so a link such as {@code /etc/passwd -> /host/file} or {@code -> ../../../etc/shadow}
 * stays inside (the rules of Go's {@code securejoin}, which runc uses).
 */
public final class RootfsPaths {

  private static final int MAX_LINKS = 255;

  private RootfsPaths() {
  }

  /**
   * The host path of {@code path} in the root filesystem {@code root}, with every symbolic link on
   * the way resolved inside it. Missing components are kept as they are; the result may not exist.
   *
   * @throws IOException when links loop or cannot be read
   */
  public static Path resolve(Path root, String path) throws IOException {
    Deque<String> pending = new ArrayDeque<>(components(path));
    Deque<String> resolved = new ArrayDeque<>();
    int links = 0;
    while (!pending.isEmpty()) {
      String name = pending.removeFirst();
      if (name.equals("..")) {
        resolved.pollLast();
        continue;
      }
      Path candidate = join(root, resolved).resolve(name);
      if (!Files.isSymbolicLink(candidate)) {
        resolved.addLast(name);
        continue;
      }
      if (++links > MAX_LINKS) {
        throw new IOException(path + " in " + root + ": too many levels of symbolic links");
      }
      String target = Files.readSymbolicLink(candidate).toString();
      if (target.startsWith("/")) {
        resolved.clear();
      }
      List<String> targetNames = components(target);
      for (int i = targetNames.size() - 1; i >= 0; i--) {
        pending.addFirst(targetNames.get(i));
      }
    }
    return join(root, resolved);
  }

  private static List<String> components(String path) {
    return Arrays.stream(path.split("/"))
        .filter(name -> !name.isEmpty() && !name.equals("."))
        .toList();
  }

  private static Path join(Path root, Deque<String> names) {
    Path result = root;
    for (String name : names) {
      result = result.resolve(name);
    }
    return result;
  }
}
