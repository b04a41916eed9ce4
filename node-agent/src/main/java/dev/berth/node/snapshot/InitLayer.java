package dev.berth.node.snapshot;

import dev.berth.node.sys.Syscalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An image's init layer, as Docker makes one: the mount targets of a container's bundle that the
 * image lacks (the directories {@code /proc}, {@code /sys} and {@code /dev}, the files
 * {@code /etc/hosts}, {@code /etc/hostname} and {@code /etc/resolv.conf}), committed as a snapshot
 * on top of the image's layers, which the image's containers are prepared from. Without it the
 * runtime creates them in every container's upper directory (on the data disk: a copy-up of
 * {@code /etc} and three files per container), and they would show among a container's changes.
 * What the image has, or what a non-directory stands in the way of, is left alone: the runtime
 * mounts over it. Created as a layer is unpacked ({@link LayerUnpack#commitNew}): in an active
 * snapshot removed at the next start after a crash, committed when complete.
 */
final class InitLayer {

  /** Targets the bundle mounts file systems on. */
  private static final List<String> DIRECTORIES = List.of("proc", "sys", "dev");
  /** Targets the bundle bind-mounts its own files on. */
  private static final List<String> FILES = List.of("etc/hosts", "etc/hostname", "etc/resolv.conf");

  private final Snapshotter snapshotter;

  InitLayer(Snapshotter snapshotter) {
    this.snapshotter = snapshotter;
  }

  /** The key of the init layer over the image whose topmost layer is {@code imageChainId} (null: no layers). */
  static String key(String imageChainId) {
    return "init " + (imageChainId == null ? "scratch" : imageChainId);
  }

  /** Creates and commits the init layer over {@code imageChainId}. */
  void create(String imageChainId) throws InterruptedException {
    try {
      LayerUnpack.commitNew(snapshotter, key(imageChainId), imageChainId, InitLayer::populate);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the init layer " + key(imageChainId), e);
    }
  }

  /** Writes the targets the lower directories lack into the upper one; a parent directory gets its lower's owner and mode. */
  static void populate(LayerDirs dirs) throws IOException {
    LayerTree tree = new LayerTree(dirs.upper(), dirs.lowers());
    for (String target : DIRECTORIES) {
      create(tree, target, true);
    }
    for (String target : FILES) {
      create(tree, target, false);
    }
    tree.finish();
  }

  private static void create(LayerTree tree, String target, boolean directory) throws IOException {
    List<String> parts = LayerTree.components(target);
    if (tree.occupiedBelow(parts)) {
      return;
    }
    Path path = tree.directory(parts.subList(0, parts.size() - 1), target).resolve(parts.getLast());
    if (directory) {
      Files.createDirectory(path);
      Syscalls.chmod(path, 0755);
    } else {
      Files.createFile(path);
      Syscalls.chmod(path, 0644);
    }
  }
}
