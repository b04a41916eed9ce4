package dev.berth.cli.command;

import dev.berth.cli.stack.Health;
import dev.berth.cli.stack.Processes;
import dev.berth.cli.stack.StackLayout;
import dev.berth.cli.stack.StackState;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code berth status}: the supervisor and each service with its health ({@code UP} when its
 * health endpoint answers 200, {@code DOWN} when its process runs but does not answer, {@code not
 * running}) and pid. Exit status 0 only when the supervisor and every service are up.
 */
public final class Status {

  private Status() {
  }

  public static int run(Cli cli, StackLayout layout) throws IOException {
    Optional<ProcessHandle> supervisor = Processes.fromPidFile(layout.pidFile());
    Optional<StackState> state = StackState.load(layout.stateFile());
    if (supervisor.isEmpty() && state.isEmpty()) {
      cli.out().println("Berth is not running (nothing in " + layout.dataDir() + ")");
      return 3;
    }
    boolean allUp = supervisor.isPresent();
    cli.out().printf("%-17s %-12s %s%n", "SERVICE", "STATUS", "PID");
    cli.out().printf("%-17s %-12s %s%n", "supervisor", supervisor.isPresent() ? "running" : "not running",
        supervisor.map(p -> Long.toString(p.pid())).orElse("-"));
    for (String name : state.map(StackState::services).orElse(java.util.List.of())) {
      Optional<ProcessHandle> process = state.get().process(name);
      String health = process.isEmpty() ? "not running" : Health.isUp(state.get().spec(name)) ? "UP" : "DOWN";
      allUp &= health.equals("UP");
      cli.out().printf("%-17s %-12s %s%n", name, health, process.map(p -> Long.toString(p.pid())).orElse("-"));
    }
    return allUp ? 0 : 1;
  }
}
