package dev.berth.node.logs;

import static dev.berth.node.logs.LogFixtures.T0;
import static dev.berth.node.logs.LogFixtures.partial;
import static dev.berth.node.logs.LogFixtures.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.berth.node.api.LogEntry;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class ContainerLogsTest {

  @TempDir
  Path dir;

  private final ContainerLogs logs =
      new ContainerLogs(new LogProperties(DataSize.ofMegabytes(10), 3, Duration.ofSeconds(5), null));
  private final List<LogEntry> read = new CopyOnWriteArrayList<>();
  private ConmonLog log;

  @BeforeEach
  void logInDir() {
    log = new ConmonLog(dir.resolve("ctr.log"), dir.resolve("ctl"));
  }

  @Test
  void readsTheRotatedFilesOldestFirstThenTheCurrentOne() throws Exception {
    write(log.generation(2), record(1, "stdout", "one"));
    write(log.generation(1), record(2, "stdout", "two"));
    write(log.file(), record(3, "stdout", "three"));

    logs.read(log, LogQuery.all(), () -> true, read::add);

    assertThat(read).extracting(LogEntry::line).containsExactly("one", "two", "three");
    assertThat(read.getFirst().time()).isEqualTo(T0.plusSeconds(1));
  }

  @Test
  void selectsStreamsAndKeepsPartialLines() throws Exception {
    write(log.file(), record(1, "stdout", "out") + record(2, "stderr", "err") + partial(3, "stderr", "half")
        + record(3, "stderr", " done"));

    logs.read(log, new LogQuery(null, null, -1, false, true, false), () -> true, read::add);

    assertThat(read).extracting(LogEntry::line, LogEntry::partial)
        .containsExactly(tuple("err", false),
            tuple("half", true), tuple(" done", false));
  }

  @Test
  void skipsMalformedLinesAndAnUnfinishedLastRecord() throws Exception {
    write(log.file(), record(1, "stdout", "good") + "not a record\n\n" + record(2, "stdout", "also good")
        + "2026-01-01T00:00:03+00:00 stdout F unfini");

    logs.read(log, LogQuery.all(), () -> true, read::add);

    assertThat(read).extracting(LogEntry::line).containsExactly("good", "also good");
  }

  @Test
  void keepsOnlyRecordsBetweenSinceAndUntil() throws Exception {
    write(log.generation(1), record(1, "stdout", "a") + record(2, "stdout", "b"));
    write(log.file(), record(3, "stdout", "c") + record(4, "stdout", "d"));

    logs.read(log, new LogQuery(T0.plusSeconds(2), T0.plusSeconds(3), -1, true, true, false), () -> true, read::add);

    assertThat(read).extracting(LogEntry::line).containsExactly("b", "c");
  }

  @Test
  void tailsTheLastMatchingRecordsAcrossRotatedFiles() throws Exception {
    write(log.generation(1), record(1, "stdout", "a") + record(2, "stderr", "b") + record(3, "stdout", "c"));
    write(log.file(), record(4, "stderr", "d") + record(5, "stdout", "e"));

    logs.read(log, new LogQuery(null, null, 3, true, false, false), () -> true, read::add);

    assertThat(read).extracting(LogEntry::line).containsExactly("a", "c", "e");
  }

  @Test
  void tailStopsAtSince() throws Exception {
    write(log.file(), record(1, "stdout", "a") + record(2, "stdout", "b") + record(3, "stdout", "c"));

    logs.read(log, new LogQuery(T0.plusSeconds(2), null, 10, true, true, false), () -> true, read::add);

    assertThat(read).extracting(LogEntry::line).containsExactly("b", "c");
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void tailOfAHugeLogReadsOnlyItsEnd() throws Exception {
    try (RandomAccessFile file = new RandomAccessFile(log.file().toFile(), "rw")) {
      file.setLength(8L << 30);
    }
    append(log.file(), "\n" + record(1, "stdout", "a") + record(2, "stdout", "b") + record(3, "stdout", "c"));

    logs.read(log, new LogQuery(null, null, 2, true, true, false), () -> true, read::add);

    assertThat(read).extracting(LogEntry::line).containsExactly("b", "c");
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void followsAcrossARotationUntilTheContainerStopsThenDrains() throws Exception {
    write(log.file(), record(1, "stdout", "before"));
    AtomicBoolean stopped = new AtomicBoolean();
    CompletableFuture<Void> follower = CompletableFuture.runAsync(() -> {
      try {
        logs.read(log, new LogQuery(null, null, 1, true, true, true), stopped::get, read::add);
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    await().atMost(Duration.ofSeconds(5)).until(() -> read.size() == 1);

    append(log.file(), record(2, "stdout", "appended") + "2026-01-01T00:00:03+00:00 stdout F spl");
    await().atMost(Duration.ofSeconds(5)).until(() -> read.size() == 2);
    append(log.file(), "it\n");
    Files.move(log.file(), log.generation(1));
    append(log.generation(1), record(4, "stdout", "late write to the renamed file"));
    write(log.file(), record(5, "stdout", "new file"));
    await().atMost(Duration.ofSeconds(5)).until(() -> read.size() == 5);
    append(log.file(), record(6, "stderr", "last words"));
    stopped.set(true);
    follower.get(5, TimeUnit.SECONDS);

    assertThat(read).extracting(LogEntry::line)
        .containsExactly("before", "appended", "split", "late write to the renamed file", "new file", "last words");
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void followReadsFilesRotatedAwayBetweenTwoPolls() throws Exception {
    write(log.file(), record(1, "stdout", "a"));
    AtomicBoolean stopped = new AtomicBoolean();
    CompletableFuture<Void> follower = CompletableFuture.runAsync(() -> {
      try {
        logs.read(log, new LogQuery(null, null, -1, true, true, true), stopped::get, read::add);
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    await().atMost(Duration.ofSeconds(5)).until(() -> read.size() == 1);

    Files.move(log.file(), log.generation(1));
    write(log.file(), record(2, "stdout", "b"));
    Files.move(log.generation(1), log.generation(2));
    Files.move(log.file(), log.generation(1));
    write(log.file(), record(3, "stdout", "c"));
    await().atMost(Duration.ofSeconds(5)).until(() -> read.size() == 3);
    stopped.set(true);
    follower.get(5, TimeUnit.SECONDS);

    assertThat(read).extracting(LogEntry::line).containsExactly("a", "b", "c");
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void followWaitsForTheFileToAppear() throws Exception {
    AtomicBoolean stopped = new AtomicBoolean();
    CompletableFuture<Void> follower = CompletableFuture.runAsync(() -> {
      try {
        logs.read(log, new LogQuery(null, null, -1, true, true, true), stopped::get, read::add);
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    Thread.sleep(300);
    write(log.file(), record(1, "stdout", "first"));
    await().atMost(Duration.ofSeconds(5)).until(() -> read.size() == 1);
    stopped.set(true);
    follower.get(5, TimeUnit.SECONDS);

    assertThat(read).extracting(LogEntry::line).containsExactly("first");
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static void append(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }
}
