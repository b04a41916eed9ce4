package dev.berth.node.container;

import dev.berth.node.api.ContainerSpec;
import dev.berth.node.api.ContainerStatus;
import dev.berth.node.bundle.VolumeMount;
import dev.berth.oci.ImageConfig;
import java.time.Instant;
import java.util.List;

/**
 * What the agent keeps about a container on disk, the source of truth across agent restarts.
 *
 * @param spec what it was created with
 * @param image the image configuration it was created from
 * @param chainId the snapshot its root filesystem sits on
 * @param state {@code created}, {@code running}, {@code paused}, {@code restarting}, {@code exited} or {@code dead}
 * @param pid host PID of its init process while it runs
 * @param exitCode exit code of the last run
 * @param oomKilled whether the last run was OOM-killed
 * @param error why the last start failed
 * @param createdAt when it was created
 * @param startedAt when it last started
 * @param finishedAt when it last exited
 * @param restartCount restarts done by its restart policy
 * @param manuallyStopped stopped or killed by request, so restart policies leave it alone
 * @param network its network while it has one
 * @param volumes its volumes resolved to host directories when it was created
 * @param revision how often the record was saved; orders the statuses a reader sees
 */
public record ContainerRecord(ContainerSpec spec, ImageConfig image, String chainId, String state, int pid,
    Integer exitCode, boolean oomKilled, String error, Instant createdAt, Instant startedAt, Instant finishedAt,
    int restartCount, boolean manuallyStopped, ContainerStatus.NetworkInfo network, List<VolumeMount> volumes, long revision) {

  public static final String CREATED = "created";
  public static final String RUNNING = "running";
  public static final String PAUSED = "paused";
  public static final String RESTARTING = "restarting";
  public static final String EXITED = "exited";
  public static final String DEAD = "dead";

  public String id() {
    return spec.id();
  }

  /** Running or paused: a process exists. */
  public boolean alive() {
    return state.equals(RUNNING) || state.equals(PAUSED);
  }

  ContainerRecord started(int newPid, ContainerStatus.NetworkInfo newNetwork, Instant at) {
    return new ContainerRecord(spec, image, chainId, RUNNING, newPid, exitCode, false, null, createdAt, at, finishedAt,
        restartCount, false, newNetwork, volumes, revision);
  }

  ContainerRecord exited(int code, boolean oom, Instant at) {
    return new ContainerRecord(spec, image, chainId, EXITED, 0, code, oom, error, createdAt, startedAt, at,
        restartCount, manuallyStopped, null, volumes, revision);
  }

  ContainerRecord failed(String why, Instant at) {
    return new ContainerRecord(spec, image, chainId, EXITED, 0, 128, false, why, createdAt, startedAt, at,
        restartCount, manuallyStopped, null, volumes, revision);
  }

  ContainerRecord withState(String newState) {
    return new ContainerRecord(spec, image, chainId, newState, pid, exitCode, oomKilled, error, createdAt, startedAt,
        finishedAt, restartCount, manuallyStopped, network, volumes, revision);
  }

  ContainerRecord restarting() {
    return new ContainerRecord(spec, image, chainId, RESTARTING, 0, exitCode, oomKilled, error, createdAt, startedAt,
        finishedAt, restartCount + 1, false, null, volumes, revision);
  }

  ContainerRecord revised(long newRevision) {
    return new ContainerRecord(spec, image, chainId, state, pid, exitCode, oomKilled, error, createdAt, startedAt,
        finishedAt, restartCount, manuallyStopped, network, volumes, newRevision);
  }

  ContainerRecord withSpec(ContainerSpec newSpec) {
    return new ContainerRecord(newSpec, image, chainId, state, pid, exitCode, oomKilled, error, createdAt, startedAt,
        finishedAt, restartCount, manuallyStopped, network, volumes, revision);
  }

  ContainerRecord stoppedByRequest() {
    return new ContainerRecord(spec, image, chainId, state, pid, exitCode, oomKilled, error, createdAt, startedAt,
        finishedAt, restartCount, true, network, volumes, revision);
  }

  ContainerStatus status() {
    return new ContainerStatus(id(), spec.name(), spec.image(), state, pid, exitCode, oomKilled, error, createdAt,
        startedAt, finishedAt, restartCount, network, spec, revision);
  }
}
