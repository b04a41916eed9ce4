package dev.berth.cli.command;

import dev.berth.cli.stack.Leftovers;
import dev.berth.cli.stack.Processes;
import dev.berth.cli.stack.StackLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code berth down}: asks the supervisor to stop (SIGTERM: it stops every service in reverse
 * order, PostgreSQL last, each with SIGTERM and SIGKILL after 30 s), prints its progress, kills it
 * if it does not finish, then stops anything of the stack still running. Running containers are
 * left alone. Doing it twice is harmless.
 */
public final class Down {

  private static final Duration SUPERVISOR_TIMEOUT = Duration.ofMinutes(5);

  private Down() {
  }

  public static int run(Cli cli, StackLayout layout) throws IOException, InterruptedException {
    Optional<ProcessHandle> supervisor = Processes.fromPidFile(layout.pidFile());
    boolean anything = supervisor.isPresent();
    if (supervisor.isPresent()) {
      cli.out().println("Stopping Berth (supervisor pid " + supervisor.get().pid() + ")");
      LogFollower follower = new LogFollower(layout.log("supervisor"));
      supervisor.get().destroy();
      Instant deadline = Instant.now().plus(SUPERVISOR_TIMEOUT);
      while (Processes.isRunning(supervisor.get()) && Instant.now().isBefore(deadline)) {
        follower.lines().forEach(cli.out()::println);
        Thread.sleep(200);
      }
      follower.lines().forEach(cli.out()::println);
      if (Processes.isRunning(supervisor.get())) {
        cli.out().println("The supervisor did not stop within " + SUPERVISOR_TIMEOUT.toMinutes() + " minutes: killing it");
        Processes.stop(supervisor.get(), Duration.ZERO);
      }
    }
    anything |= Leftovers.stop(layout, cli.out()) > 0;
    Files.deleteIfExists(layout.pidFile());
    cli.out().println(anything ? "Berth is down (containers keep running)." : "Berth is not running.");
    return 0;
  }
}
