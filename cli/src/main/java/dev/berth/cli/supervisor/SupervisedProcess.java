package dev.berth.cli.supervisor;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A child process that is started again whenever it exits, after a {@link Backoff} delay, until
 * {@link #stop} is called. It runs in a session of its own ({@code setsid}), so Ctrl-C on the
 * supervisor's terminal reaches the supervisor alone, which then stops the children in order;
 * its output is appended to its log.
 */
public final class SupervisedProcess {

  private static final Path SETSID = Path.of("/usr/bin/setsid");

  /** What the supervisor hears about a child. */
  public interface Listener {

    /** {@code name} was started as {@code process}. */
    void started(String name, ProcessHandle process);

    /** {@code name} exited with {@code status} and will be started again after {@code delay}. */
    void exited(String name, int status, Duration delay);

    /** {@code name} could not be started again. */
    void failed(String name, IOException error);
  }

  private final String name;
  private final List<String> command;
  private final Map<String, String> environment;
  private final Path log;
  private final Backoff backoff;
  private final Listener listener;
  private Process process;
  private Instant started;
  private boolean stopping;
  private int restarts;

  public SupervisedProcess(String name, List<String> command, Map<String, String> environment, Path log,
      Backoff backoff, Listener listener) {
    this.name = name;
    this.command = List.copyOf(command);
    this.environment = Map.copyOf(environment);
    this.log = log;
    this.backoff = backoff;
    this.listener = listener;
  }

  /** Starts the process and keeps it running until {@link #stop}. */
  public synchronized void start() throws IOException {
    if (stopping) {
      return;
    }
    Files.createDirectories(log.toAbsolutePath().getParent());
    List<String> line = new ArrayList<>();
    if (Files.isExecutable(SETSID)) {
      line.add(SETSID.toString());
    }
    line.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(line)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    Process started = builder.start();
    this.process = started;
    this.started = Instant.now();
    listener.started(name, started.toHandle());
    Thread.ofVirtual().name("watch-" + name).start(() -> watch(started));
  }

  private void watch(Process watched) {
    try {
      int status = watched.waitFor();
      Duration delay;
      synchronized (this) {
        if (stopping || watched != process) {
          return;
        }
        delay = backoff.next(Duration.between(started, Instant.now()));
      }
      listener.exited(name, status, delay);
      Thread.sleep(delay);
      synchronized (this) {
        if (stopping || watched != process) {
          return;
        }
        restarts++;
        try {
          start();
        } catch (IOException e) {
          listener.failed(name, e);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Stops the process for good: SIGTERM, then SIGKILL after {@code grace}; it is not restarted.
   * Whether it had to be killed.
   */
  public boolean stop(Duration grace) throws InterruptedException {
    Process current;
    synchronized (this) {
      stopping = true;
      current = process;
    }
    if (current == null || !current.isAlive()) {
      return false;
    }
    boolean killed = dev.berth.cli.stack.Processes.stop(current.toHandle(), grace);
    current.waitFor(10, TimeUnit.SECONDS);   // reaped too: an exited child is alive to Java until then
    return killed;
  }

  public String name() {
    return name;
  }

  /** The running process, if it runs now. */
  public synchronized Optional<ProcessHandle> process() {
    return Optional.ofNullable(process).filter(Process::isAlive).map(Process::toHandle);
  }

  /** Whether the process exited and stays down (stopped, or between an exit and its restart). */
  public synchronized boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** How many times it was started again after exiting. */
  public synchronized int restarts() {
    return restarts;
  }
}
