package dev.berth.node.container;

import dev.berth.node.runtime.OciRuntime;
import dev.berth.node.runtime.RuntimeState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * When the agent starts, re-adopts what it left behind: containers still alive in the runtime keep
 * running (and their published ports are served again), exits that happened meanwhile are
 * processed from conmon's exit files, restarts that were pending are scheduled, and leftovers of
 * containers that are not running (mounts, runtime state, network namespaces) and the runtime state of
 * removed ones are cleaned up.
 * Then it watches the exit directory for as long as the agent runs.
 */
@Component
class Reconciler implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
  /** The exit code recorded when a container vanished without conmon reporting one. */
  private static final int UNKNOWN_EXIT = 255;

  private final ContainerStore store;
  private final Containers containers;
  private final ContainerHost host;
  private final OciRuntime runtime;
  private volatile ExitMonitor monitor;

  Reconciler(ContainerStore store, Containers containers, ContainerHost host, OciRuntime runtime) {
    this.store = store;
    this.containers = containers;
    this.host = host;
    this.runtime = runtime;
  }

  @Override
  public void start() {
    try {
      monitor = new ExitMonitor(store.exitDirs(), containers);
      Set<String> running = new HashSet<>();
      int adopted = 0;
      for (ContainerRecord record : store.all()) {
        String id = record.id();
        if (store.exitFile(id).isPresent()) {
          continue;
        }
        Optional<RuntimeState> state = runtime.exists(id) ? runtime.state(id) : Optional.empty();
        if (state.isPresent() && state.get().alive()) {
          containers.adopt(record, state.get().status(), state.get().pid());
          running.add(id);
          adopted++;
        } else if (record.alive()) {
          log.warn("Container {} is gone without an exit code from conmon", id);
          containers.exited(id, UNKNOWN_EXIT);
        } else if (record.state().equals(ContainerRecord.RESTARTING)) {
          containers.resumeRestart(record);
        } else {
          host.teardown(id);
        }
      }
      for (String id : runtime.containers()) {
        if (store.find(id).isEmpty()) {
          runtime.delete(id, true);   // a removed container's, whose deletion the agent did not live to finish
        }
      }
      host.readopt(running);
      monitor.scan();
      store.dropFormerExitDir();
      log.info("Re-adopted {} running containers of {} known", adopted, store.all().size());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot re-adopt containers", e);
    }
  }

  @Override
  public void stop() {
    try {
      if (monitor != null) {
        monitor.close();
      }
    } catch (IOException e) {
      log.warn("Closing the exit monitor failed: {}", e.toString());
    }
    monitor = null;
  }

  @Override
  public boolean isRunning() {
    return monitor != null;
  }
}
