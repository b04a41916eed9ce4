package dev.berth.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.berth.node.sys.Syscalls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeStateDirTest {

  @TempDir
  Path dir;

  @BeforeEach
  void onADisk() throws IOException {
    assumeThat(Files.getFileStore(dir).type()).as("the temporary directory's file system").isNotEqualTo("tmpfs");
  }

  @Test
  void mountsATmpfsOnceAndKeepsWhatItHoldsWhenFoundAgain() throws IOException {
    Path state = dir.resolve("state");
    Files.createDirectories(state.resolve("crun"));   // empty directories are no state
    try {
      RuntimeStateDir first = RuntimeStateDir.at(state);
      assertThat(Files.getFileStore(state).type()).isEqualTo("tmpfs");
      Files.writeString(first.bundles().resolve("config.json"), "{}");

      RuntimeStateDir again = RuntimeStateDir.at(state);

      assertThat(mountsAt(state)).isEqualTo(1);
      assertThat(again.bundles().resolve("config.json")).hasContent("{}");
    } finally {
      Syscalls.unmountIfMounted(state, 0);
    }
  }

  @Test
  void usesADirectoryOnADiskThatHoldsStateAsItIs() throws IOException {
    Path state = dir.resolve("state");
    Files.createDirectories(state.resolve("crun/abc"));
    Files.writeString(state.resolve("crun/abc/status"), "running");

    RuntimeStateDir.at(state);

    assertThat(mountsAt(state)).isZero();
    assertThat(state.resolve("crun/abc/status")).hasContent("running");
  }

  @Test
  void runsTheRuntimeFromAReadOnlyBindMountKeptWhileTheBinaryIsTheSame() throws Exception {
    Path binary = dir.resolve("runtime");
    Files.copy(Path.of("/bin/true"), binary);
    Path state = dir.resolve("state");
    try {
      RuntimeStateDir stateDir = RuntimeStateDir.at(state);
      Path mounted = stateDir.runtimeBinary("crun", binary);

      assertThat(mounted).isEqualTo(state.resolve("bin/crun"));
      assertThat(Files.getFileStore(mounted).isReadOnly()).isTrue();
      assertThat(Files.isSameFile(mounted, binary)).isTrue();
      assertThat(new ProcessBuilder(mounted.toString()).start().waitFor()).isZero();
      assertThat(stateDir.runtimeBinary("crun", binary)).isEqualTo(mounted);
      assertThat(mountsAt(mounted)).isEqualTo(1);

      Path upgraded = dir.resolve("upgraded");   // a package upgrade puts a new file in place
      Files.copy(Path.of("/bin/false"), upgraded);
      Files.move(upgraded, binary, StandardCopyOption.REPLACE_EXISTING);
      stateDir.runtimeBinary("crun", binary);

      assertThat(Files.isSameFile(mounted, binary)).isTrue();
      assertThat(mountsAt(mounted)).isEqualTo(1);
      assertThat(new ProcessBuilder(mounted.toString()).start().waitFor()).isEqualTo(1);
    } finally {
      if (Files.exists(state.resolve("bin/crun"))) {
        Syscalls.unmountIfMounted(state.resolve("bin/crun"), Syscalls.MNT_DETACH);
      }
      Syscalls.unmountIfMounted(state, 0);
    }
  }

  private static long mountsAt(Path path) throws IOException {
    return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
        .filter(line -> line.split(" ")[4].equals(path.toString()))
        .count();
  }
}
