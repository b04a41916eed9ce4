package dev.berth.node.sys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MountPointsTest {

  @TempDir
  Path dir;

  @Test
  void aTmpfsIsAMountRootAndItsFilesAreNot() throws IOException {
    Path target = Files.createDirectory(dir.resolve("mnt"));
    assertThat(MountPoints.isMountRoot(target)).contains(false);
    Syscalls.mount("tmpfs", target, "tmpfs", Syscalls.MS_NOSUID, "size=1m");
    try {
      Path inside = Files.createDirectory(target.resolve("sub"));
      assertThat(MountPoints.isMountRoot(target)).contains(true);
      assertThat(MountPoints.isMountRoot(inside)).contains(false);
    } finally {
      Syscalls.unmount(target, 0);
    }
    assertThat(MountPoints.isMountRoot(target)).contains(false);
  }

  @Test
  void aBindMountWithinTheSameFilesystemIsOneToo() throws IOException {
    Path source = Files.createDirectory(dir.resolve("source"));
    Path target = Files.createDirectory(dir.resolve("target"));
    Syscalls.mount(source.toString(), target, null, Syscalls.MS_BIND, null);
    try {
      assertThat(MountPoints.isMountRoot(target)).contains(true);
      assertThat(MountPoints.isMountRoot(source)).contains(false);
    } finally {
      Syscalls.unmount(target, 0);
    }
  }

  @Test
  void aMissingPathIsNoMountPointAndSymbolicLinksAreNotFollowed() throws IOException {
    assertThat(MountPoints.isMountRoot(dir.resolve("missing"))).contains(false);
    Path link = Files.createSymbolicLink(dir.resolve("link"), Path.of("/"));
    assertThat(MountPoints.isMountRoot(link)).contains(false);
    assertThat(MountPoints.isMountRoot(Path.of("/proc"))).contains(true);
  }
}
