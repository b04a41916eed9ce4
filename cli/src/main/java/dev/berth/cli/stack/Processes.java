package dev.berth.cli.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Processes known by pid and start time, and stopping them: SIGTERM, a grace period, then SIGKILL. */
public final class Processes {

  private Processes() {
  }

  /** When {@code process} started, in epoch milliseconds; 0 when unknown. */
  public static long startMillis(ProcessHandle process) {
    return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
  }

  /** The live process {@code pid} if it started at {@code startMillis} (else the pid was recycled). */
  public static Optional<ProcessHandle> find(long pid, long startMillis) {
    return ProcessHandle.of(pid).filter(Processes::isRunning).filter(p -> startMillis(p) == startMillis);
  }

  /**
   * Whether {@code process} is alive and not a zombie: a killed process whose parent has not
   * collected its exit status yet still counts as alive to {@link ProcessHandle#isAlive()}.
   */
  public static boolean isRunning(ProcessHandle process) {
    if (!process.isAlive()) {
      return false;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
      int end = stat.lastIndexOf(')');
      return end < 0 || end + 2 >= stat.length() || stat.charAt(end + 2) != 'Z';
    } catch (IOException e) {
      return !Files.isDirectory(Path.of("/proc/self"));
    }
  }

  /** The process that {@code berth.pid} names, if it still runs; the file holds {@code <pid> <start millis>}. */
  public static Optional<ProcessHandle> fromPidFile(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    String[] fields = Files.readString(file).strip().split("\\s+");
    if (fields.length != 2 || !fields[0].matches("\\d+") || !fields[1].matches("\\d+")) {
      return Optional.empty();
    }
    return find(Long.parseLong(fields[0]), Long.parseLong(fields[1]));
  }

  /** Writes {@code process}'s pid file. */
  public static void writePidFile(Path file, ProcessHandle process) throws IOException {
    Files.writeString(file, process.pid() + " " + startMillis(process) + "\n");
  }

  /**
   * Stops {@code process}: SIGTERM, then SIGKILL if it has not exited after {@code grace}; whether
   * it had to be killed.
   */
  public static boolean stop(ProcessHandle process, Duration grace) throws InterruptedException {
    process.destroy();
    if (awaitExit(process, grace)) {
      return false;
    }
    process.destroyForcibly();
    awaitExit(process, Duration.ofSeconds(10));
    return true;
  }

  /** Whether {@code process} exited (or is a zombie) within {@code timeout}. */
  public static boolean awaitExit(ProcessHandle process, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (isRunning(process)) {
      if (Instant.now().isAfter(deadline)) {
        return false;
      }
      Thread.sleep(100);
    }
    return true;
  }

  /**
   * The PostgreSQL server that {@code postmaster.pid} in {@code dataDir} names, if it runs: its
   * wrapper process may be gone (killed) while the server it started lives on.
   */
  public static Optional<ProcessHandle> postmaster(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
    if (!first.matches("\\d+")) {
      return Optional.empty();
    }
    return ProcessHandle.of(Long.parseLong(first)).filter(Processes::isRunning)
        .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
  }
}
