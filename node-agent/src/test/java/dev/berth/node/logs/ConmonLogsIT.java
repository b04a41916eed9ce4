package dev.berth.node.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.berth.node.api.LogEntry;
import dev.berth.node.busybox.ConmonContainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** Reads and rotates logs a real conmon writes for a real runc container. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ConmonLogsIT {

  @TempDir
  Path dir;

  private final LogProperties properties =
      new LogProperties(DataSize.ofKilobytes(4), 3, Duration.ofSeconds(5), null);
  private final ContainerLogs logs = new ContainerLogs(properties);
  private final LogRotation rotation = new LogRotation(properties);

  @Test
  void readsStdoutStderrAndPartialLinesConmonWrote() throws Exception {
    String id = ConmonContainer.newId();
    ConmonLog log = ConmonLog.inBundle(dir.resolve("ctr.log"), dir.resolve("bundle"));
    try (ConmonContainer container = ConmonContainer.start(dir, id, rotation.conmonArgs(log),
        "sh", "-c", "echo out1; echo err1 >&2; printf part; sleep 0.3; echo ' end'; echo; echo out2")) {
      container.awaitExit(Duration.ofSeconds(30));

      List<LogEntry> all = read(log, LogQuery.all());
      assertThat(all).filteredOn(entry -> entry.stream().equals("stdout"))
          .extracting(LogEntry::line, LogEntry::partial)
          .containsExactly(tuple("out1", false), tuple("part", true), tuple(" end", false), tuple("", false),
              tuple("out2", false));
      assertThat(all).filteredOn(entry -> entry.stream().equals("stderr"))
          .extracting(LogEntry::line).containsExactly("err1");
      assertThat(all).extracting(LogEntry::time).isSorted();

      assertThat(read(log, new LogQuery(null, null, 2, true, false, false)))
          .extracting(LogEntry::line).containsExactly("", "out2");
      LogEntry end = all.stream().filter(entry -> entry.line().equals(" end")).findFirst().orElseThrow();
      assertThat(read(log, new LogQuery(end.time(), null, -1, true, true, false)))
          .extracting(LogEntry::line).containsExactly(" end", "", "out2");
    }
  }

  @Test
  void followsEveryLineWhileConmonReopensItsRotatedLog() throws Exception {
    String id = ConmonContainer.newId();
    ConmonLog log = ConmonLog.inBundle(dir.resolve("ctr.log"), dir.resolve("bundle"));
    List<LogEntry> followed = new CopyOnWriteArrayList<>();
    int lines = 600;
    try (ConmonContainer container = ConmonContainer.start(dir, id, rotation.conmonArgs(log), "sh", "-c",
        "sleep 0.5; i=1; while [ $i -le " + lines + " ]; do echo line-$i; i=$((i+1)); sleep 0.005; done")) {
      CompletableFuture<Void> follower = CompletableFuture.runAsync(() -> {
        try {
          logs.read(log, new LogQuery(null, null, -1, true, true, true), container::exited, followed::add);
        } catch (IOException | InterruptedException e) {
          throw new IllegalStateException(e);
        }
      });
      int rotations = 0;
      while (!container.exited()) {
        Object before = LineCursor.fileKey(log.file());
        if (rotation.rotateIfFull(log)) {
          rotations++;
          awaitReopened(log, before);
        }
        Thread.sleep(50);
      }
      follower.get(30, TimeUnit.SECONDS);

      assertThat(rotations).isGreaterThanOrEqualTo(3);
      assertThat(followed).extracting(LogEntry::line)
          .containsExactlyElementsOf(IntStream.rangeClosed(1, lines).mapToObj(i -> "line-" + i).toList());
      assertThat(log.generation(1)).exists();
      assertThat(log.generation(3)).doesNotExist();
      List<String> kept = read(log, LogQuery.all()).stream().map(LogEntry::line).toList();
      assertThat(kept).isNotEmpty().endsWith("line-" + lines);
      int first = Integer.parseInt(kept.getFirst().substring("line-".length()));
      assertThat(kept).containsExactlyElementsOf(
          IntStream.rangeClosed(first, lines).mapToObj(i -> "line-" + i).toList());
    }
  }

  private static void awaitReopened(ConmonLog log, Object before) throws Exception {
    for (int i = 0; i < 200; i++) {
      Object now = LineCursor.fileKey(log.file());
      if (now != null && !now.equals(before)) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("conmon did not reopen " + log.file() + "; files: " + Files.list(log.file().getParent()).toList());
  }

  private List<LogEntry> read(ConmonLog log, LogQuery query) throws Exception {
    List<LogEntry> entries = new CopyOnWriteArrayList<>();
    logs.read(log, query, () -> true, entries::add);
    return entries;
  }
}
