package dev.berth.node.container;

import dev.berth.node.api.ContainerStats;
import dev.berth.node.api.TopResult;
import dev.berth.node.network.Networks;
import dev.berth.node.runtime.OciRuntime;
import dev.berth.node.stats.CgroupStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** What runs in a container: its processes as {@code ps} shows them, and its resource usage. */
@Component
public class ContainerProcesses {

  private final ContainerStore store;
  private final OciRuntime runtime;
  private final CgroupStats cgroups;
  private final Networks networks;

  ContainerProcesses(ContainerStore store, OciRuntime runtime, CgroupStats cgroups, Networks networks) {
    this.store = store;
    this.runtime = runtime;
    this.cgroups = cgroups;
    this.networks = networks;
  }

  /**
   * Runs {@code ps} with {@code psArgs} ({@code -ef} by default) on the host and keeps the header and
   * the rows of the container's processes, as Docker's top does.
   */
  public TopResult top(String id, String psArgs) {
    ContainerRecord record = store.alive(id);
    List<String> command = new ArrayList<>(List.of("ps"));
    String args = psArgs == null || psArgs.isBlank() ? "-ef" : psArgs;
    if (!args.matches("[a-zA-Z0-9 ,=_-]+")) {
      throw new ContainerException.InvalidArgument("ps_args may only hold ps options: " + psArgs);
    }
    command.addAll(Arrays.asList(args.strip().split("\\s+")));
    try {
      Set<String> pids = new HashSet<>();
      runtime.pids(record.id()).forEach(pid -> pids.add(Integer.toString(pid)));
      Process ps = new ProcessBuilder(command).redirectErrorStream(true).start();
      List<String> lines = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      if (ps.waitFor() != 0 || lines.isEmpty()) {
        throw new ContainerException.InvalidArgument("ps " + args + " failed: " + String.join("\n", lines));
      }
      List<String> titles = Arrays.asList(lines.getFirst().strip().split("\\s+"));
      int pidColumn = titles.indexOf("PID");
      if (pidColumn < 0) {
        throw new ContainerException.InvalidArgument("ps " + args + " shows no PID column");
      }
      List<List<String>> rows = lines.stream().skip(1)
          .map(line -> Arrays.asList(line.strip().split("\\s+", titles.size())))
          .filter(row -> row.size() > pidColumn && pids.contains(row.get(pidColumn)))
          .toList();
      return new TopResult(titles, rows);
    } catch (IOException e) {
      throw new ContainerException.Failed("cannot list the processes of " + id + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ContainerException.Failed("interrupted while listing the processes of " + id, e);
    }
  }

  /** The container's resource usage now. */
  public ContainerStats stats(String id) {
    ContainerRecord record = store.alive(id);
    try {
      return cgroups.read(record.id(), record.pid(), networks.counters(record.id(), record.pid()));
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new ContainerException.Failed("cannot read the stats of " + id + ": " + e.getMessage(), e);
    }
  }

  /** Whether the container exists and runs. */
  public boolean running(String id) {
    return store.find(id).map(ContainerRecord::alive).orElse(false);
  }

}
