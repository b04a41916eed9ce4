package dev.berth.node.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
  void namesTheCallAndErrnoWhenAMountFails() {
    assertThatThrownBy(() -> Syscalls.mount("none", dir.resolve("missing"), "tmpfs", 0, null))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("mount tmpfs on " + dir.resolve("missing"))
        .hasMessageContaining("errno 2");
  }
}
