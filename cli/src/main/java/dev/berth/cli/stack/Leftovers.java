package dev.berth.cli.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Processes of a stack whose supervisor is gone (killed, or stopped without the chance to stop
 * them): every process the state file names that still runs, and the PostgreSQL server a killed
 * wrapper left on the data directory. Stopped in reverse start order, PostgreSQL last.
 */
public final class Leftovers {

  private static final Duration GRACE = Duration.ofSeconds(30);

  private Leftovers() {
  }

  /** Stops them; how many there were. */
  public static int stop(StackLayout layout, PrintStream out) throws IOException, InterruptedException {
    int stopped = 0;
    Optional<StackState> state = StackState.load(layout.stateFile());
    if (state.isPresent()) {
      List<String> names = new ArrayList<>(state.get().services());
      Collections.reverse(names);
      for (String name : names) {
        Optional<ProcessHandle> process = state.get().process(name);
        if (process.isPresent()) {
          out.println("  stopping " + name + " (pid " + process.get().pid() + "), left running");
          Processes.stop(process.get(), GRACE);
          stopped++;
        }
      }
    }
    Optional<ProcessHandle> postmaster = Processes.postmaster(layout.postgresData());
    if (postmaster.isPresent()) {
      out.println("  stopping the PostgreSQL server (pid " + postmaster.get().pid() + "), left running");
      Processes.stop(postmaster.get(), GRACE);
      stopped++;
    }
    return stopped;
  }
}
