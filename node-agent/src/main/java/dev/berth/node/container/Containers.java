package dev.berth.node.container;

import dev.berth.node.api.ContainerSpec;
import dev.berth.node.api.ContainerStatus;
import dev.berth.node.api.HostOptions;
import dev.berth.node.api.Resources;
import dev.berth.node.api.RestartPolicy;
import dev.berth.node.api.WaitResult;
import dev.berth.node.bundle.CgroupResources;
import dev.berth.node.event.EventLog;
import dev.berth.node.runtime.OciRuntime;
import dev.berth.oci.OciJson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The lifecycle of this node's containers. Operations on one container are serialized by its lock;
 * waiting (for a stop to take effect, for an exit) happens outside it. Every state change is saved
 * to the container's record before it is reported as an event.
 */
@Component
public class Containers {

  private static final Logger log = LoggerFactory.getLogger(Containers.class);
  private static final int DEFAULT_STOP_TIMEOUT = 10;
  /** How long a SIGKILLed container may take to be reported gone. */
  private static final Duration KILL_GRACE = Duration.ofSeconds(10);

  private final ContainerStore store;
  private final ContainerHost host;
  private final OciRuntime runtime;
  private final EventLog events;
  private final Clock clock;
  private final Timer startTimer;
  private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<WaitResult>> nextExits = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<WaitResult>> removals = new ConcurrentHashMap<>();
  private final Map<String, RestartBackoff> backoffs = new ConcurrentHashMap<>();
  private final Map<String, ScheduledFuture<?>> pendingRestarts = new ConcurrentHashMap<>();
  private final ScheduledExecutorService restarts =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("restarts").daemon().factory());

  Containers(ContainerStore store, ContainerHost host, OciRuntime runtime, EventLog events, Clock clock,
      MeterRegistry meters) {
    this.store = store;
    this.host = host;
    this.runtime = runtime;
    this.events = events;
    this.clock = clock;
    this.startTimer = Timer.builder("berth.node.container.starts")
        .description("Container starts: root filesystem, network, bundle, conmon and runtime")
        .publishPercentileHistogram()
        .register(meters);
    meters.gauge("berth.node.containers.running", this, self -> self.store.all().stream()
        .filter(ContainerRecord::alive).count());
    meters.gauge("berth.node.snapshots.bytes", host, ContainerHost::snapshotBytes);
  }

  public ContainerStatus create(ContainerSpec spec) {
    SpecValidator.validate(spec);
    ReentrantLock lock = lock(spec.id());
    lock.lock();
    try {
      if (store.find(spec.id()).isPresent()) {
        throw new ContainerException.Conflict("container " + spec.id() + " already exists");
      }
      store.all().stream().filter(other -> other.spec().name().equals(spec.name())).findAny().ifPresent(other -> {
        throw new ContainerException.Conflict("The container name \"/" + spec.name()
            + "\" is already in use by container \"" + other.id() + "\"");
      });
      ContainerHost.Prepared prepared = host.prepare(spec);
      ContainerRecord record = new ContainerRecord(spec, prepared.image(), prepared.chainId(), ContainerRecord.CREATED,
          0, null, false, null, clock.instant(), null, null, 0, false, null, prepared.volumes(), 0);
      record = save(record);
      events.append(spec.id(), "create", null);
      return record.status();
    } catch (IllegalArgumentException e) {
      throw new ContainerException.InvalidArgument(e.getMessage());
    } catch (IOException e) {
      throw new ContainerException.Failed("cannot create container " + spec.id() + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  public List<ContainerStatus> list() {
    return store.all().stream().sorted(Comparator.comparing(ContainerRecord::createdAt))
        .map(ContainerRecord::status).toList();
  }

  public ContainerStatus inspect(String id) {
    return store.get(id).status();
  }

  public ContainerStatus start(String id) {
    ReentrantLock lock = lock(id);
    lock.lock();
    try {
      ContainerRecord record = store.get(id);
      if (record.alive()) {
        throw new ContainerException.NotModified("container " + id + " is already running");
      }
      cancelPendingRestart(id);
      return launch(record).status();
    } finally {
      lock.unlock();
    }
  }

  public ContainerStatus stop(String id, Integer timeoutSeconds) {
    CompletableFuture<WaitResult> exit;
    ContainerRecord record;
    ReentrantLock lock = lock(id);
    lock.lock();
    try {
      record = store.get(id);
      if (record.state().equals(ContainerRecord.RESTARTING)) {
        cancelPendingRestart(id);
        return save(record.stoppedByRequest().withState(ContainerRecord.EXITED)).status();
      }
      if (!record.alive()) {
        throw new ContainerException.NotModified("container " + id + " is not running");
      }
      record = save(record.stoppedByRequest());
      exit = nextExit(id);
      signal(record, stopSignal(record));
    } finally {
      lock.unlock();
    }
    int timeout = timeoutSeconds != null ? timeoutSeconds
        : record.spec().stopTimeout() != null ? record.spec().stopTimeout() : DEFAULT_STOP_TIMEOUT;
    if (!awaitExit(exit, timeout < 0 ? null : Duration.ofSeconds(timeout))) {
      log.info("Container {} did not stop within {} s of {}: killing it", id, timeout, stopSignal(record));
      forceKill(id, exit);
    }
    // waiters wake before the run is torn down; a stop returns once its ports and mounts are released
    lock.lock();
    lock.unlock();
    return inspect(id);
  }

  public ContainerStatus restart(String id, Integer timeoutSeconds) {
    if (store.get(id).alive()) {
      stop(id, timeoutSeconds);
    }
    ReentrantLock lock = lock(id);
    lock.lock();
    try {
      cancelPendingRestart(id);
      ContainerRecord record = store.get(id);
      if (record.alive()) {
        return record.status();
      }
      ContainerRecord started = launch(record);
      events.append(id, "restart", null);
      return started.status();
    } catch (IOException e) {
      throw new ContainerException.Failed("cannot record the restart of " + id + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  public ContainerStatus kill(String id, String signal) {
    String name = signal == null || signal.isBlank() ? "SIGKILL" : signal;
    if (!Signals.isValid(name)) {
      throw new ContainerException.InvalidArgument("invalid signal: " + signal);
    }
    ReentrantLock lock = lock(id);
    lock.lock();
    try {
      ContainerRecord record = save(store.alive(id).stoppedByRequest());
      signal(record, Signals.number(name));
      return record.status();
    } finally {
      lock.unlock();
    }
  }

  public ContainerStatus pause(String id) {
    return freeze(id, true);
  }

  public ContainerStatus unpause(String id) {
    return freeze(id, false);
  }

  public void remove(String id, boolean force, boolean volumes) {
    ReentrantLock lock = lock(id);
    lock.lock();
    try {
      ContainerRecord record = store.get(id);
      if (record.alive() && !force) {
        throw new ContainerException.Conflict("You cannot remove a " + record.state() + " container " + id
            + ". Stop the container before attempting removal or force remove");
      }
      cancelPendingRestart(id);
      if (record.alive()) {
        runtime.delete(id, true);
        host.teardown(id);
        record = record.exited(Signals.SIGKILL + 128, false, clock.instant());
        events.append(id, "die", record.exitCode());
        completeExit(id, new WaitResult(record.exitCode(), false));
      }
      host.destroy(record, volumes);
      store.delete(id);
      backoffs.remove(id);
      events.append(id, "destroy", null);
      ContainerRecord removed = record;
      Optional.ofNullable(removals.remove(id)).ifPresent(f -> f.complete(waitResult(removed)));
    } catch (IOException e) {
      throw new ContainerException.Failed("cannot remove container " + id + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
      locks.remove(id);
    }
  }

  /**
   * Changes the container's cgroup limits: at once when it runs, and for its next runs. Its restart
   * policy may change too when {@code restartPolicy} is given.
   */
  public ContainerStatus update(String id, Resources resources, RestartPolicy restartPolicy) {
    ReentrantLock lock = lock(id);
    lock.lock();
    try {
      ContainerRecord record = store.get(id);
      ContainerSpec spec = record.spec();
      HostOptions host = spec.host() == null ? HostOptions.defaults() : spec.host();
      HostOptions updated = new HostOptions(host.mounts(), host.networkMode(), host.ports(), host.extraHosts(),
          host.dns(), host.dnsSearch(), host.dnsOptions(), resources == null ? host.resources() : resources,
          restartPolicy == null ? host.restartPolicy() : restartPolicy, host.readonlyRootfs(), host.capAdd(),
          host.capDrop(), host.privileged(), host.ulimits(), host.autoRemove());
      ContainerSpec changed = new ContainerSpec(spec.id(), spec.name(), spec.image(), spec.entrypoint(), spec.cmd(),
          spec.env(), spec.workingDir(), spec.user(), spec.hostname(), spec.domainname(), spec.tty(),
          spec.openStdin(), spec.stopSignal(), spec.stopTimeout(), spec.labels(), updated);
      SpecValidator.validate(changed);
      if (record.alive() && resources != null) {
        runtime.update(id, OciJson.mapper().writeValueAsBytes(CgroupResources.of(resources, null)));
      }
      ContainerRecord saved = save(record.withSpec(changed));
      events.append(id, "update", null);
      return saved.status();
    } catch (IllegalArgumentException e) {
      throw new ContainerException.InvalidArgument(e.getMessage());
    } catch (IOException e) {
      throw new ContainerException.Failed("cannot update container " + id + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /** Applies changes carried from another node (a layer tar) to a container that is not running. */
  public void applyChanges(String id, InputStream tar) {
    ReentrantLock lock = lock(id);
    lock.lock();
    try {
      ContainerRecord record = store.get(id);
      if (record.alive()) {
        throw new ContainerException.Conflict("Container " + id + " is running: stop it before changing its files");
      }
      host.applyChanges(id, tar);
    } catch (IOException e) {
      throw new ContainerException.InvalidArgument("cannot apply the changes to " + id + ": " + e.getMessage());
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits for the container: {@code not-running} (default) returns at once when it is not running,
   * {@code next-exit} waits for its next exit, {@code removed} until it is removed.
   */
  public WaitResult await(String id, String condition) throws InterruptedException {
    CompletableFuture<WaitResult> future;
    ReentrantLock lock = lock(id);
    lock.lock();
    try {
      ContainerRecord record = store.get(id);
      String when = condition == null || condition.isBlank() ? "not-running" : condition;
      future = switch (when) {
        case "not-running" -> record.alive() || record.state().equals(ContainerRecord.RESTARTING)
            ? nextExit(id) : CompletableFuture.completedFuture(waitResult(record));
        case "next-exit" -> nextExit(id);
        case "removed" -> removals.computeIfAbsent(id, key -> new CompletableFuture<>());
        default -> throw new ContainerException.InvalidArgument(
            "condition must be not-running, next-exit or removed, not " + condition);
      };
    } finally {
      lock.unlock();
    }
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw new ContainerException.Failed("waiting for " + id + " failed", e.getCause());
    }
  }

  /** Handles the exit conmon reported for {@code id}: tears its run down and applies the restart policy. */
  void exited(String id, int exitCode) {
    ReentrantLock lock = lock(id);
    lock.lock();
    try {
      Optional<ContainerRecord> found = store.find(id);
      if (found.isEmpty() || !found.get().alive()) {
        host.forgetExit(id);
        return;
      }
      boolean oom = host.oomKilled(id);
      ContainerRecord record = save(found.get().exited(exitCode, oom, clock.instant()));
      if (oom) {
        events.append(id, "oom", null);
      }
      events.append(id, "die", exitCode);
      completeExit(id, waitResult(record));
      host.teardown(id);
      host.forgetExit(id);
      afterExit(record);
    } catch (IOException e) {
      log.error("Could not record the exit of container {} (code {}): {}", id, exitCode, e.toString());
    } finally {
      lock.unlock();
    }
  }

  /** Adopts a container found alive in the runtime when the agent starts. */
  void adopt(ContainerRecord record, String runtimeStatus, int pid) throws IOException {
    String state = runtimeStatus.equals("paused") ? ContainerRecord.PAUSED : ContainerRecord.RUNNING;
    ContainerRecord adopted = record.alive() ? record.withState(state)
        : record.started(pid, host.network(record.id()).orElse(null), clock.instant()).withState(state);
    save(adopted);
  }

  /** Restarts a container the agent found waiting for a policy restart when it started. */
  void resumeRestart(ContainerRecord record) {
    scheduleRestart(record.id(), RestartBackoff.INITIAL);
  }

  private ContainerRecord launch(ContainerRecord record) {
    String id = record.id();
    Timer.Sample sample = Timer.start();
    try {
      nextExit(id);
      ContainerHost.Launched launched = host.launch(record);
      ContainerRecord started = save(record.started(launched.pid(), launched.network(), clock.instant()));
      events.append(id, "start", null);
      sample.stop(startTimer);
      return started;
    } catch (IOException | ContainerException | IllegalArgumentException e) {
      try {
        host.teardown(id);
        save(record.failed(e.getMessage(), clock.instant()));
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      if (e instanceof ContainerException ce) {
        throw ce;
      }
      if (e instanceof IllegalArgumentException) {
        throw new ContainerException.InvalidArgument(e.getMessage());
      }
      throw new ContainerException.Failed("cannot start container " + id + ": " + e.getMessage(), e);
    }
  }

  /** Applies the restart policy to {@code record}, which is saved already: a restart, an auto-removal or nothing. */
  private void afterExit(ContainerRecord record) throws IOException {
    HostOptions options = record.spec().host() == null ? HostOptions.defaults() : record.spec().host();
    if (RestartBackoff.shouldRestart(options.restartPolicy(), record)) {
      Duration ran = record.startedAt() == null ? Duration.ZERO : Duration.between(record.startedAt(),
          record.finishedAt());
      Duration delay = backoffs.computeIfAbsent(record.id(), key -> RestartBackoff.initial()).next(ran);
      save(record.restarting());
      scheduleRestart(record.id(), delay);
    } else if (options.autoRemove()) {
      Thread.ofVirtual().start(() -> removeQuietly(record.id()));
    }
  }

  private void scheduleRestart(String id, Duration delay) {
    pendingRestarts.put(id, restarts.schedule(() -> Thread.ofVirtual().start(() -> restartByPolicy(id)),
        delay.toMillis(), TimeUnit.MILLISECONDS));
  }

  private void restartByPolicy(String id) {
    ReentrantLock lock = lock(id);
    lock.lock();
    try {
      pendingRestarts.remove(id);
      Optional<ContainerRecord> record = store.find(id);
      if (record.isPresent() && record.get().state().equals(ContainerRecord.RESTARTING)) {
        launch(record.get());
        events.append(id, "restart", null);
      }
    } catch (IOException e) {
      log.error("Could not record the restart of container {}: {}", id, e.toString());
    } catch (ContainerException e) {
      log.warn("Restarting container {} by its policy failed: {}", id, e.getMessage());
      store.find(id).ifPresent(failed -> {
        try {
          afterExit(failed);
        } catch (IOException io) {
          log.error("Could not record the failed restart of {}: {}", id, io.toString());
        }
      });
    } finally {
      lock.unlock();
    }
  }

  private void removeQuietly(String id) {
    try {
      remove(id, true, true);
    } catch (ContainerException e) {
      log.warn("Auto-removing container {} failed: {}", id, e.getMessage());
    }
  }

  private ContainerStatus freeze(String id, boolean pause) {
    ReentrantLock lock = lock(id);
    lock.lock();
    try {
      ContainerRecord record = store.alive(id);
      if (pause == record.state().equals(ContainerRecord.PAUSED)) {
        throw new ContainerException.Conflict("Container " + id + (pause ? " is already paused" : " is not paused"));
      }
      if (pause) {
        runtime.pause(id);
      } else {
        runtime.resume(id);
      }
      record = save(record.withState(pause ? ContainerRecord.PAUSED : ContainerRecord.RUNNING));
      events.append(id, pause ? "pause" : "unpause", null);
      return record.status();
    } catch (IOException e) {
      throw new ContainerException.Failed((pause ? "cannot pause " : "cannot unpause ") + id + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  private void signal(ContainerRecord record, int signal) {
    try {
      runtime.kill(record.id(), Integer.toString(signal), signal == Signals.SIGKILL);
      if (record.state().equals(ContainerRecord.PAUSED)) {
        runtime.resume(record.id());
        save(record.withState(ContainerRecord.RUNNING));
      }
    } catch (IOException e) {
      throw new ContainerException.Failed("cannot signal container " + record.id() + ": " + e.getMessage(), e);
    }
  }

  private void forceKill(String id, CompletableFuture<WaitResult> exit) {
    ReentrantLock lock = lock(id);
    lock.lock();
    try {
      ContainerRecord record = store.find(id).orElse(null);
      if (record == null || !record.alive()) {
        return;
      }
      signal(record, Signals.SIGKILL);
    } finally {
      lock.unlock();
    }
    if (!awaitExit(exit, KILL_GRACE)) {
      throw new ContainerException.Failed("container " + id + " did not exit after SIGKILL", null);
    }
  }

  private boolean awaitExit(CompletableFuture<WaitResult> exit, Duration timeout) {
    try {
      if (timeout == null) {
        exit.get();
      } else {
        exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ContainerException.Failed("interrupted while waiting for a container to stop", e);
    } catch (ExecutionException e) {
      throw new ContainerException.Failed("waiting for a container to stop failed", e.getCause());
    }
  }

  private int stopSignal(ContainerRecord record) {
    String signal = record.spec().stopSignal();
    if ((signal == null || signal.isBlank()) && record.image() != null && record.image().config() != null) {
      signal = record.image().config().stopSignal();
    }
    return signal == null || signal.isBlank() || !Signals.isValid(signal) ? Signals.SIGTERM : Signals.number(signal);
  }

  private CompletableFuture<WaitResult> nextExit(String id) {
    return nextExits.computeIfAbsent(id, key -> new CompletableFuture<>());
  }

  private void completeExit(String id, WaitResult result) {
    Optional.ofNullable(nextExits.remove(id)).ifPresent(future -> future.complete(result));
  }

  private void cancelPendingRestart(String id) {
    Optional.ofNullable(pendingRestarts.remove(id)).ifPresent(pending -> pending.cancel(false));
  }

  private static WaitResult waitResult(ContainerRecord record) {
    return new WaitResult(record.exitCode() == null ? 0 : record.exitCode(), record.oomKilled());
  }

  private ContainerRecord save(ContainerRecord record) {
    try {
      return store.save(record);
    } catch (IOException e) {
      throw new ContainerException.Failed("cannot save the record of container " + record.id() + ": "
          + e.getMessage(), e);
    }
  }


  private ReentrantLock lock(String id) {
    return locks.computeIfAbsent(id, key -> new ReentrantLock());
  }
}
