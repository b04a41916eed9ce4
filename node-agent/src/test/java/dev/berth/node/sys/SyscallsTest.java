package dev.berth.node.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyscallsTest {

  @TempDir
  Path dir;

  @Test
  void mountsAndUnmountsATmpfs() throws IOException {
    Path target = Files.createDirectory(dir.resolve("mnt"));
    Syscalls.mount("tmpfs", target, "tmpfs", Syscalls.MS_NOSUID, "size=1m");
    try {
      Files.writeString(target.resolve("file"), "on tmpfs");
      assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).contains(" " + target + " ");
    } finally {
      Syscalls.unmount(target, 0);
    }
    assertThat(target.resolve("file")).doesNotExist();
  }

  @Test
  void marksATopDirectoryWhereTheFilesystemHasInodeFlags() throws IOException, InterruptedException {
    Path top = Files.createDirectory(dir.resolve("top"));
    assumeThat(Files.getFileStore(top).type()).startsWith("ext");
    assertThat(Syscalls.markTopDirectory(top)).isTrue();
    assertThat(lsattrFlags(top)).contains("T");
    assertThat(Syscalls.markTopDirectory(top)).as("already marked").isTrue();

    Path target = Files.createDirectory(dir.resolve("tmpfs"));
    Syscalls.mount("tmpfs", target, "tmpfs", 0, "size=1m");
    try {
      assertThat(Syscalls.markTopDirectory(target)).as("tmpfs has no inode flags").isFalse();
    } finally {
      Syscalls.unmount(target, 0);
    }
  }

  /** The flags {@code lsattr -d} (e2fsprogs) shows, read independently of the code under test. */
  private static String lsattrFlags(Path path) throws IOException, InterruptedException {
    Process lsattr = new ProcessBuilder("lsattr", "-d", path.toString()).redirectErrorStream(true).start();
    String output = new String(lsattr.getInputStream().readAllBytes()).strip();
    assertThat(lsattr.waitFor()).as(output).isZero();
    return output.split("\\s+")[0];
  }

  @Test
  void namesTheCallAndErrnoWhenAMountFails() {
    assertThatThrownBy(() -> Syscalls.mount("none", dir.resolve("missing"), "tmpfs", 0, null))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("mount tmpfs on " + dir.resolve("missing"))
        .hasMessageContaining("errno 2");
  }
}
