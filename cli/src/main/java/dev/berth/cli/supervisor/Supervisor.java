package dev.berth.cli.supervisor;

import dev.berth.cli.host.Ports;
import dev.berth.cli.stack.Health;
import dev.berth.cli.stack.Leftovers;
import dev.berth.cli.stack.Processes;
import dev.berth.cli.stack.ServiceSpec;
import dev.berth.cli.stack.StackLayout;
import dev.berth.cli.stack.StackPlan;
import dev.berth.cli.stack.StackState;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link StackPlan}: starts each process once the one before it is healthy (printing a line
 * for each), seeds the registry between registry-service and image-service, records every process
 * in the state file, restarts any that exits, and on shutdown (SIGTERM, Ctrl-C) stops them in
 * reverse order. {@link #LINE_READY} is the line {@code berth up} waits for.
 */
public final class Supervisor implements SupervisedProcess.Listener {

  /** Printed once every process is healthy. */
  public static final String LINE_READY = "Berth is up.";
  /** Printed when the stack cannot start; the supervisor then exits. */
  public static final String LINE_FAILED = "Berth failed to start:";
  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private final StackPlan plan;
  private final StackLayout layout;
  private final StackState state;
  private final PrintStream out;
  private final Runnable onReady;
  private final List<SupervisedProcess> children = new ArrayList<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean ready;

  /** A supervisor of {@code plan} that prints its progress to {@code out} and runs {@code onReady} once it is up. */
  public Supervisor(StackPlan plan, StackLayout layout, PrintStream out, Runnable onReady) {
    this.plan = plan;
    this.onReady = onReady;
    this.layout = layout;
    this.state = StackState.of(plan);
    this.out = out;
  }

  /** Starts the stack and supervises it until the JVM is asked to stop; the exit status. */
  public int run() throws IOException, InterruptedException {
    Files.createDirectories(layout.logs());
    Files.createDirectories(layout.aotCaches());
    Leftovers.stop(layout, out);
    Processes.writePidFile(layout.pidFile(), ProcessHandle.current());
    state.save(layout.stateFile());
    Thread hook = new Thread(this::shutdown, "berth-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    for (String note : plan.notes()) {
      out.println("note: " + note);
    }
    try {
      for (ServiceSpec service : plan.services()) {
        startAndAwait(service);
      }
    } catch (StartupFailure e) {
      out.println(LINE_FAILED + " " + e.getMessage());
      out.flush();
      Runtime.getRuntime().removeShutdownHook(hook);
      shutdown();
      return 1;
    }
    ready = true;
    state.ready(true);
    state.save(layout.stateFile());
    out.println(LINE_READY);
    onReady.run();
    out.flush();
    stopped.await();
    return 0;
  }

  private void startAndAwait(ServiceSpec service) throws IOException, InterruptedException {
    if (!Ports.isFree(service.port())) {
      throw new StartupFailure("cannot start " + service.name() + ": " + Ports.describeTaken(service.port()));
    }
    if (service.name().equals(StackPlan.IMAGE_SERVICE) && Seeder.applies(plan)) {
      seed(service);
    }
    Instant begin = Instant.now();
    SupervisedProcess child = new SupervisedProcess(service.name(), service.command(), service.environment(),
        service.log(), Backoff.standard(), this);
    children.add(child);
    child.start();
    Instant deadline = begin.plus(STARTUP_TIMEOUT);
    while (!Health.isUp(service)) {
      if (child.restarts() > 0 || (!child.isAlive() && Instant.now().isAfter(begin.plusSeconds(1)))) {
        throw new StartupFailure(service.name() + " exited before it was healthy; see " + service.log()
            + tail(service.log()));
      }
      if (Instant.now().isAfter(deadline)) {
        throw new StartupFailure(service.name() + " was not healthy within " + STARTUP_TIMEOUT.toMinutes()
            + " minutes; see " + service.log() + tail(service.log()));
      }
      Thread.sleep(250);
    }
    long pid = child.process().map(ProcessHandle::pid).orElse(-1L);
    out.printf("  %-17s UP    pid %-7d %s  (%.1f s)%n", service.name(), pid,
        service.healthPath() == null ? "127.0.0.1:" + service.port() : service.uri(),
        Duration.between(begin, Instant.now()).toMillis() / 1000.0);
    out.flush();
  }

  private void seed(ServiceSpec imageService) throws IOException, InterruptedException {
    if (Seeder.seeded(StackPlan.REGISTRY_PORT)) {
      out.println("  seed images       busybox and httpd are in the registry already");
      return;
    }
    out.println("  seed images       building busybox and httpd, pushing them to the registry ...");
    out.flush();
    Path log = layout.log("seed");
    int status = Seeder.seed(imageService, layout.serviceData("seed"), log);
    if (status != 0 || !Seeder.seeded(StackPlan.REGISTRY_PORT)) {
      throw new StartupFailure("seeding busybox and httpd failed (exit status " + status + "); see " + log + tail(log));
    }
    out.println("  seed images       busybox and httpd pushed to 127.0.0.1:" + StackPlan.REGISTRY_PORT);
  }

  /** Stops every child in reverse start order; runs once, from the shutdown hook or a failed start. */
  private synchronized void shutdown() {
    if (stopped.getCount() == 0) {
      return;
    }
    try {
      if (!children.isEmpty()) {
        out.println(time() + " stopping the stack");
      }
      for (SupervisedProcess child : children.reversed()) {
        boolean killed = child.stop(STOP_GRACE);
        out.println(time() + "   " + child.name() + (killed ? " killed (did not stop within " + STOP_GRACE.toSeconds()
            + " s)" : " stopped"));
      }
      state.ready(false);
      state.save(layout.stateFile());
      Files.deleteIfExists(layout.pidFile());
      out.println(time() + " Berth is down.");
      out.flush();
    } catch (IOException e) {
      out.println(time() + " while stopping: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      stopped.countDown();
    }
  }

  @Override
  public void started(String name, ProcessHandle process) {
    state.started(name, process);
    saveState();
    if (ready) {
      out.println(time() + " " + name + " started again as pid " + process.pid());
      Thread.ofVirtual().start(() -> announceHealthy(name));
    }
  }

  @Override
  public void exited(String name, int status, Duration delay) {
    out.println(time() + " " + name + " exited with status " + status + "; restarting in " + delay.toMillis() / 1000.0
        + " s");
    out.flush();
  }

  @Override
  public void failed(String name, IOException error) {
    out.println(time() + " " + name + " could not be started again: " + error.getMessage());
  }

  private void announceHealthy(String name) {
    ServiceSpec service = plan.service(name).orElseThrow();
    Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
    try {
      while (Instant.now().isBefore(deadline) && stopped.getCount() > 0) {
        if (Health.isUp(service)) {
          out.println(time() + " " + name + " is UP again");
          out.flush();
          return;
        }
        Thread.sleep(500);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void saveState() {
    try {
      state.save(layout.stateFile());
    } catch (IOException e) {
      out.println(time() + " cannot write " + layout.stateFile() + ": " + e.getMessage());
    }
  }

  private static String time() {
    return LocalTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** The last lines of {@code log}, indented, for a failure message. */
  static String tail(Path log) {
    try {
      List<String> lines = new String(Files.readAllBytes(log), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
      return "; its last lines:\n    " + String.join("\n    ", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }

  /** The stack cannot start; the message says why. */
  private static final class StartupFailure extends RuntimeException {

    StartupFailure(String message) {
      super(message);
    }
  }
}
