package dev.berth.cli.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupervisedProcessTest {

  @TempDir
  Path dir;

  private final List<String> events = new CopyOnWriteArrayList<>();
  private final List<Long> pids = new CopyOnWriteArrayList<>();
  private SupervisedProcess child;

  private final SupervisedProcess.Listener listener = new SupervisedProcess.Listener() {
    @Override
    public void started(String name, ProcessHandle process) {
      pids.add(process.pid());
      events.add("started");
    }

    @Override
    public void exited(String name, int status, Duration delay) {
      events.add("exited " + status);
    }

    @Override
    public void failed(String name, IOException error) {
      events.add("failed");
    }
  };

  @AfterEach
  void stop() throws InterruptedException {
    if (child != null) {
      child.stop(Duration.ofSeconds(5));
    }
  }

  @Test
  void aChildKilledWithSigkillIsStartedAgainAfterTheBackoff() throws Exception {
    child = sleeper(Duration.ofMillis(200));
    child.start();
    ProcessHandle first = child.process().orElseThrow();

    first.destroyForcibly();

    await(() -> child.restarts() == 1 && child.isAlive());
    ProcessHandle second = child.process().orElseThrow();
    assertThat(second.pid()).isNotEqualTo(first.pid());
    assertThat(events).containsExactly("started", "exited 137", "started");
    assertThat(pids).containsExactly(first.pid(), second.pid());
  }

  @Test
  void keepsRestartingAChildThatKeepsDying() throws Exception {
    child = sleeper(Duration.ofMillis(50));
    child.start();

    for (int kill = 1; kill <= 3; kill++) {
      child.process().orElseThrow().destroyForcibly();
      int restarts = kill;
      await(() -> child.restarts() == restarts && child.isAlive());
    }
    assertThat(pids).doesNotHaveDuplicates().hasSize(4);
  }

  @Test
  void aStoppedChildStaysDownAndItsOutputIsInItsLog() throws Exception {
    Path log = dir.resolve("logs/echo.log");
    child = new SupervisedProcess("echo", List.of("sh", "-c", "echo hello from $GREETING; exec sleep 300"),
        Map.of("GREETING", "the child"), log, new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1),
        Duration.ofMinutes(1)), listener);
    child.start();
    await(() -> Files.exists(log) && read(log).contains("hello from the child"));
    ProcessHandle process = child.process().orElseThrow();

    boolean killed = child.stop(Duration.ofSeconds(5));

    assertThat(killed).isFalse();
    assertThat(process.isAlive()).isFalse();
    Thread.sleep(300);
    assertThat(child.isAlive()).isFalse();
    assertThat(child.restarts()).isZero();
    assertThat(events).containsExactly("started");
  }

  @Test
  void aChildThatIgnoresSigtermIsKilledAfterTheGracePeriod() throws Exception {
    Path ready = dir.resolve("ready");
    child = new SupervisedProcess("stubborn", List.of("sh", "-c", "trap '' TERM; touch " + ready + "; sleep 10 & wait"),
        Map.of(), dir.resolve("stubborn.log"), Backoff.standard(), listener);
    child.start();
    await(() -> Files.exists(ready));

    assertThat(child.stop(Duration.ofMillis(500))).isTrue();
    assertThat(child.isAlive()).isFalse();
  }

  private SupervisedProcess sleeper(Duration backoff) {
    return new SupervisedProcess("sleeper", List.of("sleep", "300"), Map.of(), dir.resolve("sleeper.log"),
        new Backoff(backoff, backoff.multipliedBy(4), Duration.ofMinutes(1)), listener);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(20);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("condition not met within 20 s");
      }
      Thread.sleep(20);
    }
  }
}
