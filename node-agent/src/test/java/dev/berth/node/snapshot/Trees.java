package dev.berth.node.snapshot;

import dev.berth.node.sys.Syscalls;
import dev.berth.oci.Digest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Test views of directory trees and snapshots. */
final class Trees {

  private Trees() {
  }

  /** Every path below {@code root} with its type, mode, owner and content (or link target). */
  static Map<String, String> describe(Path root) throws IOException {
    Map<String, String> tree = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.filter(p -> !p.equals(root)).toList()) {
        Map<String, Object> a = Files.readAttributes(path, "unix:mode,uid,gid,rdev", LinkOption.NOFOLLOW_LINKS);
        String content = Files.isSymbolicLink(path) ? "-> " + Files.readSymbolicLink(path)
            : Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) ? Digest.sha256(Files.readAllBytes(path)).toString()
            : "";
        tree.put(root.relativize(path).toString(), Integer.toOctalString((Integer) a.get("mode")) + " "
            + a.get("uid") + ":" + a.get("gid") + " " + a.get("rdev") + " " + content);
      }
    }
    return tree;
  }

  /** Unpacks {@code tar} as a new layer on {@code parent} and commits it as {@code name}. */
  static void commitLayer(Snapshotter snapshotter, String name, String parent, byte[] tar) throws IOException {
    String key = "unpacking " + name;
    LayerDirs dirs = LayerDirs.of(snapshotter.prepare(key, parent));
    new TarUnpacker(1 << 30).unpack(new ByteArrayInputStream(tar), dirs);
    snapshotter.commit(name, key);
  }

  /** Mounts {@code mounts} on a new directory below {@code dir}, runs {@code action}, and unmounts. */
  static void mounted(List<Mount> mounts, Path target, MountedAction action) throws IOException {
    Files.createDirectories(target);
    Mounts.mountAll(mounts, target);
    try {
      action.run(target);
    } finally {
      Mounts.unmountAll(mounts, target);
    }
  }

  /** What runs while a snapshot is mounted. */
  interface MountedAction {
    void run(Path root) throws IOException;
  }

  static boolean isWhiteout(Path path) {
    try {
      return LayerTree.isWhiteout(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String xattr(Path path, String name) throws IOException {
    return Syscalls.getXattr(path, name).map(String::new).orElse(null);
  }
}
