package dev.berth.node.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpawnTest {

  @TempDir
  Path dir;

  @Test
  void runsAProgramWithItsInputOutputEnvironmentAndDirectory() throws IOException {
    int stdin = Spawn.memoryFile("stdin", "from the agent\n".getBytes(StandardCharsets.UTF_8));
    int stdout = Spawn.memoryFile("stdout", new byte[0]);
    int stderr = Spawn.memoryFile("stderr", new byte[0]);
    try {
      Spawn.Child child = Spawn.start(List.of("/bin/sh", "-c", "read line; echo \"$line $GREETING $(pwd)\"; echo oops >&2; "
          + "exit 3"), Map.of("GREETING", "hello"), dir, stdin, stdout, stderr);

      assertThat(child.await()).isEqualTo(3);
      assertThat(text(stdout)).isEqualTo("from the agent hello " + dir + "\n");
      assertThat(text(stderr)).isEqualTo("oops\n");
    } finally {
      Syscalls.close(stdin);
      Syscalls.close(stdout);
      Syscalls.close(stderr);
    }
  }

  @Test
  void handsTheChildOnlyTheDescriptorsGiven() throws IOException {
    int[] pipe = Spawn.pipe();
    int stdout = Spawn.memoryFile("stdout", new byte[0]);
    try {
      // descriptor 3 is the pipe's write end; everything above it (the JVM's own, not close-on-exec) is closed
      Spawn.Child child = Spawn.start(List.of("/bin/sh", "-c", "echo through-3 >&3; ls /proc/self/fd"), Map.of(), null,
          Spawn.devNull(), stdout, Spawn.devNull(), pipe[1]);
      Syscalls.close(pipe[1]);

      assertThat(child.await()).isZero();
      assertThat(Files.readAllLines(Path.of("/proc/self/fd/" + pipe[0]))).containsExactly("through-3");
      // ls lists 0-3 and the directory it reads /proc/self/fd through
      assertThat(text(stdout).lines().map(Integer::parseInt).filter(fd -> fd > 3)).hasSizeLessThanOrEqualTo(1);
      assertThat(text(stdout).lines()).contains("0", "1", "2", "3");
    } finally {
      Syscalls.close(pipe[0]);
      Syscalls.close(stdout);
    }
  }

  @Test
  void reportsAnExitBySignalAsDockerDoes() throws IOException {
    Spawn.Child child = Spawn.start(List.of("/bin/sh", "-c", "kill -TERM $$"), Map.of(), null, Spawn.devNull(),
        Spawn.devNull(), Spawn.devNull());

    assertThat(child.await()).isEqualTo(128 + 15);
  }

  @Test
  void failsForAProgramThatIsNotThere() {
    assertThatThrownBy(() -> Spawn.start(List.of(dir.resolve("missing").toString()), Map.of(), null, Spawn.devNull(),
        Spawn.devNull(), Spawn.devNull()).await())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("No such file");
  }

  private static String text(int fd) throws IOException {
    return new String(Spawn.read(fd), StandardCharsets.UTF_8);
  }
}
