package dev.berth.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.berth.node.sys.Syscalls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

  private static long mountsAt(Path path) throws IOException {
    return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
        .filter(line -> line.split(" ")[4].equals(path.toString()))
        .count();
  }
}
