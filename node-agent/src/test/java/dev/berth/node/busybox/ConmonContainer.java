package dev.berth.node.busybox;

import dev.berth.testsupport.Commands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A busybox container launched as podman does, through conmon (which daemonizes) and runc, without
 * {@code --sync}: the test waits for the pid file and then runs {@code runc start}. Closing deletes it
 * with {@code runc delete -f}, which also removes its cgroups.
 *
 * @param id the container id, unique per run
 * @param dir the directory of everything: {@code bundle/}, {@code exit/}, {@code sock/}, {@code ctr.log}
 * @param pid the container's init process
 */
public record ConmonContainer(String id, Path dir, int pid) implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

  /** A fresh container id. */
  public static String newId() {
    return "berth-it-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
  }

  /**
   * Creates the bundle in {@code dir/bundle}, starts conmon with {@code logArgs} and runs the container.
   */
  public static ConmonContainer start(Path dir, String id, List<String> logArgs, String... args)
      throws IOException, InterruptedException {
    Path bundle = BusyboxBundle.create(Files.createDirectories(dir.resolve("bundle")), id, args);
    List<String> command = new ArrayList<>(List.of("conmon", "--api-version", "1", "-c", id, "-u", id,
        "-r", "/usr/sbin/runc", "-b", bundle.toString(), "-p", bundle.resolve("pidfile").toString(), "-n", id,
        "--exit-dir", Files.createDirectories(dir.resolve("exit")).toString(),
        "--socket-dir-path", Files.createDirectories(dir.resolve("sock")).toString(),
        "--conmon-pidfile", dir.resolve("conmon.pid").toString(), "--log-level", "error"));
    command.addAll(logArgs);
    Commands.result(START_TIMEOUT, command).assertSucceeded();
    Path pidFile = bundle.resolve("pidfile");
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Files.notExists(pidFile) || Files.size(pidFile) == 0) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("runc did not create container " + id);
      }
      Thread.sleep(20);
    }
    int pid = Integer.parseInt(Files.readString(pidFile).trim());
    Commands.run("runc", "start", id);
    return new ConmonContainer(id, dir, pid);
  }

  public Path bundle() {
    return dir.resolve("bundle");
  }

  /** Whether conmon wrote the exit file: the container exited and its output is all in the log. */
  public boolean exited() {
    return Files.exists(dir.resolve("exit").resolve(id));
  }

  /** Waits up to {@code timeout} for the container to exit. */
  public void awaitExit(Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (!exited()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("container " + id + " still runs after " + timeout);
      }
      Thread.sleep(20);
    }
  }

  @Override
  public void close() {
    Commands.result(START_TIMEOUT, List.of("runc", "delete", "-f", id));
  }
}
