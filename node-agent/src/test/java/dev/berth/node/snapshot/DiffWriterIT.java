package dev.berth.node.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.node.sys.Syscalls;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffWriterIT {

  @TempDir
  Path dir;

  @Test
  void exportsAContainersChangesAsALayerThatRecreatesItsView() throws IOException {
    OverlaySnapshotter snapshotter = new OverlaySnapshotter(dir.resolve("snapshots"), Clock.systemUTC());
    Trees.commitLayer(snapshotter, "base", null, new TarBuilder()
        .file("etc/motd", "hello").file("etc/gone", "bye").file("var/lib/old/a", "a").file("var/lib/old/b", "b")
        .symlink("bin", "usr/bin")
        .build());
    List<Mount> container = snapshotter.prepare("container", "base");
    Trees.mounted(container, dir.resolve("mnt"), root -> {
      Files.writeString(root.resolve("etc/motd"), "changed");
      Files.delete(root.resolve("etc/gone"));
      Files.writeString(root.resolve("added"), "new");
      Files.createLink(root.resolve("added-link"), root.resolve("added"));
      Syscalls.chmod(root.resolve("added"), 04750);
      FileTrees.delete(root.resolve("var/lib/old"));
      Files.createDirectory(root.resolve("var/lib/old"));
      Files.writeString(root.resolve("var/lib/old/c"), "c");
      Syscalls.mknod(root.resolve("fifo"), Syscalls.S_IFIFO | 0600, 0, 0);
      Syscalls.setXattr(root.resolve("added"), "user.origin", "test".getBytes());
    });
    DiffWriter diff = new DiffWriter(snapshotter);

    ByteArrayOutputStream layer = new ByteArrayOutputStream();
    diff.write("container", layer);

    List<String> names = new ArrayList<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(layer.toByteArray()))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        names.add(e.getName() + (e.isLink() ? " => " + e.getLinkName() : ""));
        if (e.getName().equals("added")) {
          assertThat(e.getMode()).isEqualTo(04750);
          assertThat(e.getExtraPaxHeaders()).containsEntry("SCHILY.xattr.user.origin", "test");
        }
      }
    }
    assertThat(names).containsExactly("added", "added-link => added", "etc/", "etc/.wh.gone", "etc/motd", "fifo",
        "var/", "var/lib/", "var/lib/old/", "var/lib/old/.wh..wh..opq", "var/lib/old/c");
    assertThat(diff.changes("container")).containsExactly(
        new Change("/added", Change.Kind.ADDED), new Change("/added-link", Change.Kind.ADDED),
        new Change("/etc", Change.Kind.MODIFIED), new Change("/etc/gone", Change.Kind.DELETED),
        new Change("/etc/motd", Change.Kind.MODIFIED), new Change("/fifo", Change.Kind.ADDED),
        new Change("/var", Change.Kind.MODIFIED), new Change("/var/lib", Change.Kind.MODIFIED),
        new Change("/var/lib/old", Change.Kind.MODIFIED), new Change("/var/lib/old/c", Change.Kind.ADDED));

    ByteArrayOutputStream again = new ByteArrayOutputStream();
    diff.write("container", again);
    assertThat(again.toByteArray()).isEqualTo(layer.toByteArray());

    Trees.commitLayer(snapshotter, "committed", "base", layer.toByteArray());
    Map<String, String>[] views = new Map[2];
    Trees.mounted(snapshotter.mounts("container"), dir.resolve("mnt"), root -> views[0] = Trees.describe(root));
    Trees.mounted(snapshotter.view("view", "committed"), dir.resolve("mnt"), root -> views[1] = Trees.describe(root));
    assertThat(views[1]).isEqualTo(views[0]).containsKey("var/lib/old/c").doesNotContainKey("var/lib/old/a");
  }
}
