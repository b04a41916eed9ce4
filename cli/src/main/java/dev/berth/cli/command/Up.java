package dev.berth.cli.command;

import dev.berth.cli.host.Host;
import dev.berth.cli.host.Ports;
import dev.berth.cli.host.Prerequisite;
import dev.berth.cli.host.Prerequisites;
import dev.berth.cli.stack.Leftovers;
import dev.berth.cli.stack.Processes;
import dev.berth.cli.stack.ServiceSpec;
import dev.berth.cli.stack.StackLayout;
import dev.berth.cli.stack.StackPlan;
import dev.berth.cli.stack.StackState;
import dev.berth.cli.supervisor.Supervisor;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code berth up}: checks the host (installing missing Debian packages when it can), checks the
 * stack's ports, then starts a detached supervisor and prints its progress until the stack is
 * healthy — or, with {@code --foreground}, supervises in this process until Ctrl-C.
 */
public final class Up {

  private static final Duration TIMEOUT = Duration.ofMinutes(15);

  private Up() {
  }

  public static int run(Cli cli, StackLayout layout, boolean foreground) throws IOException, InterruptedException {
    PrintStream out = cli.out();
    Optional<ProcessHandle> supervisor = Processes.fromPidFile(layout.pidFile());
    if (supervisor.isPresent()) {
      boolean ready = StackState.load(layout.stateFile()).map(StackState::ready).orElse(false);
      out.println("Berth is already " + (ready ? "up" : "starting") + " (supervisor pid " + supervisor.get().pid()
          + ", data in " + layout.dataDir() + "); berth status shows each service.");
      return 0;
    }
    if (!hostReady(cli)) {
      return 1;
    }
    Files.createDirectories(layout.logs());
    if (Leftovers.stop(layout, out) > 0) {
      out.println("Stopped what a previous, killed supervisor had left running");
    }
    StackPlan plan = Supervise.plan(cli, layout);
    if (!plan.errors().isEmpty()) {
      plan.errors().forEach(error -> cli.err().println("berth: " + error));
      return 1;
    }
    List<String> taken = new ArrayList<>();
    for (ServiceSpec service : plan.services()) {
      if (!Ports.isFree(service.port())) {
        taken.add(service.name() + ": " + Ports.describeTaken(service.port()));
      }
    }
    if (!taken.isEmpty()) {
      taken.forEach(message -> cli.err().println("berth: " + message));
      cli.err().println("berth: stop what holds the port" + (taken.size() > 1 ? "s" : "") + " and run berth up again");
      return 1;
    }
    out.println("Starting Berth (data in " + layout.dataDir() + ", logs in " + layout.logs() + ")");
    if (foreground) {
      return Supervise.run(cli, layout, () -> printReady(out, plan, layout, true));
    }
    return detached(cli, layout, plan);
  }

  private static int detached(Cli cli, StackLayout layout, StackPlan plan) throws IOException, InterruptedException {
    Path log = layout.log("supervisor");
    LogFollower follower = new LogFollower(log);
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
      command.add("/usr/bin/setsid");
    }
    command.addAll(List.of(cli.java().toString(), "-Xmx64m", "-Dberth.home=" + cli.home(), "-jar",
        cli.cliJar().toString(), "supervise", "--data-dir", layout.dataDir().toString()));
    Process process = new ProcessBuilder(command)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    Instant deadline = Instant.now().plus(TIMEOUT);
    boolean failed = false;
    while (Instant.now().isBefore(deadline)) {
      boolean alive = process.isAlive();
      for (String line : follower.lines()) {
        cli.out().println(line);
        if (line.equals(Supervisor.LINE_READY)) {
          printReady(cli.out(), plan, layout, false);
          return 0;
        }
        failed |= line.startsWith(Supervisor.LINE_FAILED);
      }
      if (!alive) {
        follower.lines().forEach(cli.out()::println);
        cli.err().println("berth: the supervisor exited with status " + process.exitValue()
            + (failed ? "" : "; see " + log));
        return 1;
      }
      Thread.sleep(200);
    }
    cli.err().println("berth: the stack did not come up within " + TIMEOUT.toMinutes() + " minutes; it keeps trying "
        + "(supervisor pid " + process.pid() + "); see " + log + ", berth status, berth down");
    return 1;
  }

  private static void printReady(PrintStream out, StackPlan plan, StackLayout layout, boolean foreground) {
    if (plan.services().stream().anyMatch(service -> service.port() == StackPlan.GATEWAY_PORT)) {
      out.println("export DOCKER_HOST=tcp://127.0.0.1:" + StackPlan.GATEWAY_PORT);
      out.println("Swagger UI: http://127.0.0.1:" + StackPlan.GATEWAY_PORT + "/swagger-ui.html");
    } else {
      out.println("No gateway yet: engine-service answers the docker CLI for containers "
          + "(export DOCKER_HOST=tcp://127.0.0.1:8081), image-service's API is http://127.0.0.1:8082");
    }
    out.println("Logs: " + layout.logs() + (foreground ? "; Ctrl-C stops the stack" : "; berth down stops the stack")
        + " (containers keep running)");
    out.flush();
  }

  /** Whether the host has every prerequisite, after installing what apt can install. */
  static boolean hostReady(Cli cli) throws IOException, InterruptedException {
    Prerequisites prerequisites = Prerequisites.ofHost();
    List<Prerequisite> missing = prerequisites.missing();
    if (missing.isEmpty()) {
      return true;
    }
    List<String> packages = Prerequisites.packages(missing);
    boolean apt = Host.hasApt(prerequisites);
    if (apt && Host.isRoot()) {
      cli.out().println("Missing on this host: " + String.join(", ", missing.stream().map(Prerequisite::name).toList()));
      if (Host.aptInstall(packages, cli.out())) {
        missing = prerequisites.missing();
      }
      if (missing.isEmpty()) {
        return true;
      }
    }
    cli.err().println("berth: this host lacks what Berth needs:");
    missing.forEach(prerequisite -> cli.err().println("  - " + prerequisite));
    List<String> stillNeeded = Prerequisites.packages(missing);
    cli.err().println(apt
        ? "Install them with: sudo " + Host.aptCommand(stillNeeded)
        : "Install the packages that provide them (Debian/Ubuntu names: " + String.join(" ", stillNeeded) + ")");
    return false;
  }
}
