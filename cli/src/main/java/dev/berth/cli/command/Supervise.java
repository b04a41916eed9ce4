package dev.berth.cli.command;

import dev.berth.cli.host.Host;
import dev.berth.cli.host.Ports;
import dev.berth.cli.stack.StackLayout;
import dev.berth.cli.stack.StackPlan;
import dev.berth.cli.supervisor.Supervisor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code berth supervise}: the supervisor process {@code berth up} starts detached (and runs in
 * its own process with {@code --foreground}). The stack's plan is made here, from the jars built
 * under the repository root and the PostgreSQL port the data directory keeps.
 */
public final class Supervise {

  private Supervise() {
  }

  /** Supervises the stack of {@code layout} until SIGTERM; the exit status. */
  public static int run(Cli cli, StackLayout layout, Runnable onReady) throws IOException, InterruptedException {
    StackPlan plan = plan(cli, layout);
    if (!plan.errors().isEmpty()) {
      plan.errors().forEach(error -> cli.out().println(Supervisor.LINE_FAILED + " " + error));
      return 1;
    }
    return new Supervisor(plan, layout, cli.out(), onReady).run();
  }

  /** The plan for this host and data directory. */
  static StackPlan plan(Cli cli, StackLayout layout) throws IOException {
    return StackPlan.of(cli.home(), layout, cli.java(), cli.cliJar(), postgresPort(layout), Host.isRoot());
  }

  /**
   * The port of the stack's PostgreSQL: the one used before ({@code postgres.port} in the data
   * directory) while it is free, else a free one, remembered for next time.
   */
  static int postgresPort(StackLayout layout) throws IOException {
    Path file = layout.dataDir().resolve("postgres.port");
    if (Files.exists(file)) {
      String kept = Files.readString(file).strip();
      if (kept.matches("\\d+") && Ports.isFree(Integer.parseInt(kept))) {
        return Integer.parseInt(kept);
      }
    }
    int port = Ports.free();
    Files.createDirectories(layout.dataDir());
    Files.writeString(file, port + "\n");
    return port;
  }
}
