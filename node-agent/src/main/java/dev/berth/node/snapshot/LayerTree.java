package dev.berth.node.snapshot;

import dev.berth.node.sys.Syscalls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The upper directory a layer is unpacked into, seen over its lower directories the way overlayfs
 * merges them. Paths are resolved one component at a time with {@code lstat}, never following a
 * symbolic link: an entry whose parent is a symbolic link, in this layer or in the visible lower
 * one, is refused, so nothing is ever written outside the upper directory. Missing parents are
 * created with the owner, mode and time of the lower directory they extend.
 */
final class LayerTree {

  static final String OPAQUE_XATTR = "trusted.overlay.opaque";
  private static final int S_IFMT = 0170000;

  private final Path upper;
  private final List<Path> lowers;
  private final Map<String, Resolved> resolved = new HashMap<>();
  private final Map<Path, Instant> directoryTimes = new LinkedHashMap<>();

  private record Resolved(Path dir, List<Path> lowers) {
  }

  LayerTree(Path upper, List<Path> lowers) {
    this.upper = upper;
    this.lowers = List.copyOf(lowers);
  }

  /**
   * The components of an entry name: a leading {@code /} or {@code ./} is dropped, as Docker does;
   * {@code ..} anywhere is refused.
   */
  static List<String> components(String name) throws UnsafeEntryException {
    List<String> parts = new ArrayList<>();
    for (String part : name.split("/")) {
      if (part.equals("..")) {
        throw new UnsafeEntryException(name, "a \"..\" component would leave the layer");
      }
      if (!part.isEmpty() && !part.equals(".")) {
        parts.add(part);
      }
    }
    return parts;
  }

  Path root() {
    return upper;
  }

  /**
   * The directory {@code parts} name in the upper directory, its missing components created.
   *
   * @throws UnsafeEntryException when a component is a symbolic link or not a directory
   */
  Path directory(List<String> parts, String entry) throws IOException {
    return resolve(parts, entry, true).dir();
  }

  /** The existing directory {@code parts} name in the upper directory, without creating anything. */
  Path existingDirectory(List<String> parts, String entry) throws IOException {
    return resolve(parts, entry, false).dir();
  }

  private Resolved resolve(List<String> parts, String entry, boolean create) throws IOException {
    Resolved current = new Resolved(upper, lowers);
    for (int i = 0; i < parts.size(); i++) {
      String key = String.join("/", parts.subList(0, i + 1));
      Resolved cached = resolved.get(key);
      if (cached == null) {
        cached = step(current, parts.get(i), key, entry, create);
        resolved.put(key, cached);
      }
      current = cached;
    }
    return current;
  }

  private Resolved step(Resolved parent, String name, String relative, String entry, boolean create)
      throws IOException {
    List<Path> live = new ArrayList<>();
    Path lowerDir = null;
    boolean lowerLink = false;
    for (Path lower : parent.lowers()) {
      Path path = lower.resolve(relative);
      PosixFileAttributes attrs = lstat(path).orElse(null);
      if (attrs == null) {
        continue;
      }
      if (attrs.isSymbolicLink()) {
        lowerLink = live.isEmpty();
        break;
      }
      if (!attrs.isDirectory()) {
        break;
      }
      live.add(lower);
      lowerDir = lowerDir == null ? path : lowerDir;
      if (opaque(path)) {
        break;
      }
    }
    Path dir = parent.dir().resolve(name);
    PosixFileAttributes attrs = lstat(dir).orElse(null);
    boolean deleted = attrs != null && isWhiteout(dir);
    if (deleted) {
      Files.delete(dir);
      attrs = null;
      live.clear();
      lowerDir = null;
      lowerLink = false;
    }
    if (attrs != null) {
      if (attrs.isSymbolicLink()) {
        throw new UnsafeEntryException(entry, "its parent " + relative + " is a symbolic link");
      }
      if (!attrs.isDirectory()) {
        throw new UnsafeEntryException(entry, "its parent " + relative + " is not a directory");
      }
      return new Resolved(dir, opaque(dir) ? List.of() : live);
    }
    if (lowerLink) {
      throw new UnsafeEntryException(entry, "its parent " + relative + " is a symbolic link in a lower layer");
    }
    if (!create) {
      throw new NoSuchFileException(relative, null, "entry \"" + entry + "\" names a missing directory");
    }
    Files.createDirectory(dir);
    if (deleted) {
      markOpaque(dir);
    }
    if (lowerDir != null) {
      Map<String, Object> lowerAttrs = Files.readAttributes(lowerDir, "unix:uid,gid,mode,lastModifiedTime",
          LinkOption.NOFOLLOW_LINKS);
      Syscalls.lchown(dir, (Integer) lowerAttrs.get("uid"), (Integer) lowerAttrs.get("gid"));
      Syscalls.chmod(dir, (Integer) lowerAttrs.get("mode"));
      directoryTimes.put(dir, ((FileTime) lowerAttrs.get("lastModifiedTime")).toInstant());
    }
    return new Resolved(dir, live);
  }

  /**
   * Whether the lower directories, merged as overlayfs merges them, have something at {@code parts}
   * or in the way of creating it there (a component that is not a directory; no symbolic link is
   * followed). What a whiteout deleted or an opaque directory hides is not there.
   */
  boolean occupiedBelow(List<String> parts) throws IOException {
    List<Path> live = lowers;
    for (int i = 0; i < parts.size(); i++) {
      String relative = String.join("/", parts.subList(0, i + 1));
      List<Path> below = new ArrayList<>();
      for (Path lower : live) {
        Path path = lower.resolve(relative);
        PosixFileAttributes attrs = lstat(path).orElse(null);
        if (attrs == null) {
          continue;
        }
        if (isWhiteout(path)) {
          break;
        }
        if (i == parts.size() - 1 || !attrs.isDirectory() && below.isEmpty()) {
          return true;
        }
        if (!attrs.isDirectory()) {
          break;
        }
        below.add(lower);
        if (opaque(path)) {
          break;
        }
      }
      if (below.isEmpty()) {
        return false;
      }
      live = below;
    }
    return false;
  }

  /** Removes whatever is at {@code path} in the upper directory. */
  void clear(Path path) throws IOException {
    PosixFileAttributes attrs = lstat(path).orElse(null);
    if (attrs != null && attrs.isDirectory()) {
      FileTrees.delete(path);
      forgetResolved();
    } else if (attrs != null) {
      Files.delete(path);
    }
  }

  /**
   * Makes {@code path} a directory, keeping one that exists; a directory replacing a whiteout is
   * opaque, so that what was deleted below stays deleted.
   */
  void makeDirectory(Path path) throws IOException {
    PosixFileAttributes attrs = lstat(path).orElse(null);
    if (attrs != null && attrs.isDirectory()) {
      return;
    }
    boolean deleted = attrs != null && isWhiteout(path);
    if (attrs != null) {
      Files.delete(path);
    }
    Files.createDirectory(path);
    if (deleted) {
      markOpaque(path);
    }
    forgetResolved();
  }

  /** Replaces {@code path} with an overlay whiteout: a character device 0/0. */
  void whiteout(Path path) throws IOException {
    clear(path);
    Syscalls.mknod(path, Syscalls.S_IFCHR, 0, 0);
  }

  /** Marks {@code dir} opaque: nothing of the lower directories shows through it. */
  void markOpaque(Path dir) throws IOException {
    Syscalls.setXattr(dir, OPAQUE_XATTR, "y".getBytes(StandardCharsets.US_ASCII));
    forgetResolved();
  }

  /** Sets a directory's time once everything below it is written. */
  void deferTime(Path dir, Instant modified) {
    directoryTimes.put(dir, modified);
  }

  /** Applies the deferred directory times. */
  void finish() throws IOException {
    for (Map.Entry<Path, Instant> entry : directoryTimes.entrySet()) {
      if (lstat(entry.getKey()).map(PosixFileAttributes::isDirectory).orElse(false)) {
        Syscalls.setTimes(entry.getKey(), entry.getValue());
      }
    }
  }

  private void forgetResolved() {
    resolved.clear();
  }

  static Optional<PosixFileAttributes> lstat(Path path) throws IOException {
    try {
      return Optional.of(Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  static boolean isWhiteout(Path path) throws IOException {
    Map<String, Object> attrs = Files.readAttributes(path, "unix:mode,rdev", LinkOption.NOFOLLOW_LINKS);
    return ((Integer) attrs.get("mode") & S_IFMT) == Syscalls.S_IFCHR && (Long) attrs.get("rdev") == 0;
  }

  static boolean opaque(Path dir) throws IOException {
    return Syscalls.getXattr(dir, OPAQUE_XATTR).map(v -> new String(v, StandardCharsets.US_ASCII).equals("y"))
        .orElse(false);
  }
}
