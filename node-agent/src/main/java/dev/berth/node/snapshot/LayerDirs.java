package dev.berth.node.snapshot;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The directories behind a snapshot's mounts, the way containerd's overlay differ reads them from
 * the mount options: the upper directory a layer is unpacked into or diffed from (null for a
 * read-only view), and the lower directories, topmost first.
 */
record LayerDirs(Path upper, List<Path> lowers) {

  LayerDirs {
    lowers = List.copyOf(lowers);
  }

  static LayerDirs of(List<Mount> mounts) {
    if (mounts.size() != 1) {
      throw new IllegalArgumentException("expected one mount, got " + mounts);
    }
    Mount mount = mounts.getFirst();
    if (mount.type().equals(Mount.OVERLAY)) {
      String upper = mount.option("upperdir");
      return new LayerDirs(upper == null ? null : Path.of(upper),
          Arrays.stream(mount.option("lowerdir").split(":")).map(Path::of).toList());
    }
    Path source = Path.of(mount.source());
    return mount.readOnly() ? new LayerDirs(null, List.of(source)) : new LayerDirs(source, List.of());
  }
}
