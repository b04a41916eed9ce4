package dev.berth.node.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.node.sys.Syscalls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import jnr.constants.platform.OpenFlags;
import jnr.posix.POSIX;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class LogRotationTest {

  private static final POSIX POSIX = Syscalls.posix();

  @TempDir
  Path dir;

  private ConmonLog log;
  private int fifoReader = -1;

  @BeforeEach
  void logWithAControlFifo() {
    log = ConmonLog.inBundle(dir.resolve("ctr.log"), dir);
    assertThat(POSIX.mkfifo(log.controlFifo().toString(), 0600)).isZero();
  }

  @AfterEach
  void closeFifo() {
    if (fifoReader >= 0) {
      POSIX.close(fifoReader);
    }
  }

  @Test
  void shiftsTheFilesAsksConmonToReopenAndDeletesTheOldest() throws IOException {
    listenOnFifo();
    Files.writeString(log.file(), "current");
    Files.writeString(log.generation(1), "newer");
    Files.writeString(log.generation(2), "oldest");

    rotation(3).rotate(log);

    assertThat(log.file()).doesNotExist();
    assertThat(log.generation(1)).hasContent("current");
    assertThat(log.generation(2)).hasContent("newer");
    assertThat(log.generation(3)).doesNotExist();
    assertThat(fifoMessages()).isEqualTo("2 0 0\n");
  }

  @Test
  void keepingOneFileDropsTheFullOne() throws IOException {
    listenOnFifo();
    Files.writeString(log.file(), "full");

    rotation(1).rotate(log);

    assertThat(log.file()).doesNotExist();
    assertThat(log.generation(1)).doesNotExist();
  }

  @Test
  void rotatesOnlyWhenTheCurrentFileReachedMaxSize() throws IOException {
    listenOnFifo();
    LogRotation rotation = rotation(3);
    Files.writeString(log.file(), "x".repeat(1023));
    assertThat(rotation.rotateIfFull(log)).isFalse();

    Files.writeString(log.file(), "x".repeat(1024));
    assertThat(rotation.rotateIfFull(log)).isTrue();
    assertThat(log.generation(1)).exists();
  }

  @Test
  void failsFastWhenConmonIsNotListening() throws IOException {
    Files.writeString(log.file(), "current");

    assertThatThrownBy(() -> rotation(3).rotate(log))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("open conmon control FIFO " + log.controlFifo());
  }

  @Test
  void checksOnlyTrackedLogs() throws IOException {
    listenOnFifo();
    LogRotation rotation = rotation(3);
    Files.writeString(log.file(), "x".repeat(2048));
    rotation.track("c1", log);
    rotation.untrack("c1");
    rotation.rotateFullLogs();
    assertThat(log.generation(1)).doesNotExist();

    rotation.track("c1", log);
    rotation.rotateFullLogs();
    assertThat(log.generation(1)).exists();
  }

  @Test
  void givesConmonTheK8sFileLogAndTheCeilingOnlyWhenSet() {
    assertThat(rotation(3).conmonArgs(log)).containsExactly("-l", "k8s-file:" + log.file());
    LogRotation ceiling = new LogRotation(
        new LogProperties(DataSize.ofKilobytes(1), 3, Duration.ofSeconds(5), DataSize.ofMegabytes(100)));
    assertThat(ceiling.conmonArgs(log))
        .containsExactly("-l", "k8s-file:" + log.file(), "--log-size-max", "104857600");
  }

  private static LogRotation rotation(int maxFiles) {
    return new LogRotation(new LogProperties(DataSize.ofKilobytes(1), maxFiles, Duration.ofSeconds(5), null));
  }

  private void listenOnFifo() {
    fifoReader = POSIX.open(log.controlFifo().toString(), OpenFlags.O_RDONLY.intValue() | OpenFlags.O_NONBLOCK.intValue(),
        0);
    assertThat(fifoReader).isNotNegative();
  }

  private String fifoMessages() {
    byte[] buffer = new byte[100];
    int read = POSIX.read(fifoReader, buffer, buffer.length);
    return new String(buffer, 0, Math.max(read, 0), StandardCharsets.US_ASCII);
  }
}
