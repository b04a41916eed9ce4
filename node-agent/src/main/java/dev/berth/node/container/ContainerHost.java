package dev.berth.node.container;

import dev.berth.node.api.ContainerSpec;
import dev.berth.node.api.ContainerStatus;
import dev.berth.node.api.HostOptions;
import dev.berth.node.bundle.BundleRequest;
import dev.berth.node.bundle.BundleWriter;
import dev.berth.node.bundle.VolumeMount;
import dev.berth.node.bundle.spec.Spec;
import dev.berth.node.event.EventLog;
import dev.berth.node.logs.ConmonLog;
import dev.berth.node.logs.LogRotation;
import dev.berth.node.network.NetworkAttachment;
import dev.berth.node.network.Networks;
import dev.berth.node.runtime.Conmon;
import dev.berth.node.runtime.OciRuntime;
import dev.berth.node.runtime.SeccompFilterCache;
import dev.berth.node.snapshot.DiffApplier;
import dev.berth.node.snapshot.ImageLayers;
import dev.berth.node.snapshot.Mounts;
import dev.berth.node.snapshot.PreparedImage;
import dev.berth.node.snapshot.Snapshotter;
import dev.berth.node.volume.Volumes;
import dev.berth.oci.ImageConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The host side of a container: its root filesystem (a snapshot mounted in its bundle), volumes,
 * network, OCI bundle and the conmon-supervised runtime process, set up for a run and torn down
 * after it. Each step of a teardown is idempotent, so it can run again after a crash.
 */
@Component
public class ContainerHost {

  private static final Logger log = LoggerFactory.getLogger(ContainerHost.class);

  private final ContainerStore store;
  private final ImageLayers layers;
  private final Snapshotter snapshots;
  private final Volumes volumes;
  private final Networks networks;
  private final BundleWriter bundles;
  private final LogRotation logs;
  private final Conmon conmon;
  private final OciRuntime runtime;
  private final SeccompFilterCache seccompFilters;
  private final DiffApplier changes;
  private final EventLog events;
  private final ObjectProvider<LaunchListener> listeners;
  /** Runtime state deletions under way, by container ID. */
  private final Map<String, CompletableFuture<Void>> runtimeDeletions = new ConcurrentHashMap<>();

  ContainerHost(ContainerStore store, ImageLayers layers, Snapshotter snapshots, Volumes volumes, Networks networks,
      BundleWriter bundles, LogRotation logs, Conmon conmon, OciRuntime runtime, SeccompFilterCache seccompFilters,
      DiffApplier changes, EventLog events, ObjectProvider<LaunchListener> listeners) {
    this.store = store;
    this.layers = layers;
    this.snapshots = snapshots;
    this.volumes = volumes;
    this.networks = networks;
    this.bundles = bundles;
    this.logs = logs;
    this.conmon = conmon;
    this.runtime = runtime;
    this.seccompFilters = seccompFilters;
    this.changes = changes;
    this.events = events;
    this.listeners = listeners;
  }

  /** What a created container rests on. */
  record Prepared(ImageConfig image, String chainId, List<VolumeMount> volumes) {
  }

  /** A started run. */
  record Launched(int pid, ContainerStatus.NetworkInfo network) {
  }

  /** Unpacks the image's missing layers, prepares the container's snapshot, mounts it and creates its volumes. */
  Prepared prepare(ContainerSpec spec) throws IOException {
    PreparedImage image;
    try {
      image = layers.prepare(spec.image());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while preparing image " + spec.image(), e);
    }
    snapshots.prepare(spec.id(), image.base());
    Path rootfs = mountRootfs(spec.id());
    return new Prepared(image.config(), image.chainId(), volumes.mount(spec, image.config(), rootfs));
  }

  /**
   * Mounts the root filesystem, sets up the network, writes the bundle, creates the container, tells
   * the {@link LaunchListener}s, and starts it.
   */
  Launched launch(ContainerRecord record) throws IOException {
    String id = record.id();
    awaitRuntimeDeletion(id);
    Path rootfs = mountRootfs(id);
    HostOptions host = record.spec().host() == null ? HostOptions.defaults() : record.spec().host();
    String mode = host.networkMode() == null ? "bridge" : host.networkMode();
    NetworkAttachment network = networks.attach(id, mode, host.ports() == null ? List.of() : host.ports());
    Path bundle = store.bundle(id);
    Spec config = bundles.write(bundle, new BundleRequest(id, record.spec(), record.image(), rootfs,
        network.namespacePath(), network.info(), record.volumes()), seccompFilters::annotations);
    ConmonLog log = ConmonLog.inBundle(store.log(id), bundle);
    int pid = conmon.create(new Conmon.Launch(id, record.spec().name(), bundle, store.exitDir(),
        logs.conmonArgs(log), record.spec().tty(), record.spec().openStdin()));
    seccompFilters.learn(id, config.linux().seccomp());
    listeners.orderedStream().forEach(listener -> listener.created(id, bundle));
    runtime.start(id);
    logs.track(id, log);
    events.append("network", "connect", network.info().mode(), networkAttributes(id, network.info()));
    for (VolumeMount volume : record.volumes()) {
      events.append("volume", "mount", volume.name(), Map.of("container", id, "destination", volume.destination(),
          "driver", "local", "propagation", "", "read/write", Boolean.toString(!volume.readOnly())));
    }
    return new Launched(pid, network.info());
  }

  /** The request a bundle (or an exec process) of this container is written from. */
  public BundleRequest bundleRequest(ContainerRecord record) throws IOException {
    return new BundleRequest(record.id(), record.spec(), record.image(), store.rootfs(record.id()), null,
        networks.info(record.id()).orElse(null), record.volumes());
  }

  /** Writes changes carried from another node into the container's own layer, with its root filesystem unmounted. */
  void applyChanges(String id, InputStream tar) throws IOException {
    unmountRootfs(id);
    changes.apply(id, tar);
  }

  /** Whether conmon saw the kernel OOM-kill the container's last run. */
  boolean oomKilled(String id) {
    return Files.exists(Conmon.oomFile(store.bundle(id)));
  }

  /** Deletes the exit and OOM markers of the last run. */
  void forgetExit(String id) throws IOException {
    for (Path dir : store.exitDirs()) {
      Files.deleteIfExists(dir.resolve(id));
    }
    Files.deleteIfExists(Conmon.oomFile(store.bundle(id)));
  }

  /**
   * Releases what a run held: conmon's socket link, the network and published ports, the rootfs mount
   * and, in the background, the runtime's state and cgroups.
   */
  void teardown(String id) throws IOException {
    logs.untrack(id);
    if (runtime.exists(id)) {
      deleteRuntimeStateLater(id);
    }
    conmon.forget(id);
    Optional<ContainerStatus.NetworkInfo> network = networks.info(id);
    networks.detach(id);
    if (network.isPresent()) {
      events.append("network", "disconnect", network.get().mode(), networkAttributes(id, network.get()));
      for (VolumeMount volume : store.find(id).map(ContainerRecord::volumes).orElse(List.of())) {
        events.append("volume", "unmount", volume.name(), Map.of("container", id, "driver", "local"));
      }
    }
    unmountRootfs(id);
  }

  /**
   * Deletes the runtime's state and cgroups of the run that ended, off the caller's path: the runtime
   * call takes ~5 ms, which an exit would otherwise hold the container's lock for (and a remove right
   * after it wait out), though nothing but the next run of the same container needs it done. That run
   * waits for it ({@link #awaitRuntimeDeletion}); one the agent did not live to finish, the
   * {@link Reconciler} does when the agent starts again.
   */
  private void deleteRuntimeStateLater(String id) {
    runtimeDeletions.computeIfAbsent(id, key -> {
      CompletableFuture<Void> deletion = new CompletableFuture<>();
      Thread.ofVirtual().name("runtime-delete-" + id.substring(0, Math.min(12, id.length()))).start(() -> {
        try {
          runtime.delete(id, true);
        } catch (IOException | RuntimeException e) {
          log.warn("Deleting the runtime state of container {} failed: {}", id, e.toString());
        } finally {
          runtimeDeletions.remove(id, deletion);
          deletion.complete(null);
        }
      });
      return deletion;
    });
  }

  /** Waits until the runtime state of the container's last run is deleted, if that is under way. */
  private void awaitRuntimeDeletion(String id) {
    Optional.ofNullable(runtimeDeletions.get(id)).ifPresent(CompletableFuture::join);
  }

  /** Docker's attributes of a network event: the container, the network's name and its driver. */
  private static Map<String, String> networkAttributes(String id, ContainerStatus.NetworkInfo network) {
    return Map.of("container", id, "name", network.mode(), "type", network.mode().equals("none") ? "null"
        : network.mode());
  }

  /** Removes what the container rests on: its snapshot and, with {@code removeVolumes}, its anonymous volumes. */
  void destroy(ContainerRecord record, boolean removeVolumes) throws IOException {
    unmountRootfs(record.id());
    volumes.release(record.id(), removeVolumes);
    snapshots.remove(record.id());
  }

  /** Bytes the layer and container snapshots occupy. */
  double snapshotBytes() {
    return snapshots.usage();
  }

  Optional<ContainerStatus.NetworkInfo> network(String id) throws IOException {
    return networks.info(id);
  }

  /** Serves the published ports of the running containers again and cleans up the networks of the rest. */
  void readopt(Set<String> running) throws IOException {
    networks.readopt(running);
    for (String id : running) {
      logs.track(id, ConmonLog.inBundle(store.log(id), store.bundle(id)));
    }
  }

  private Path mountRootfs(String id) throws IOException {
    Path rootfs = store.rootfs(id);
    if (!MountTable.isMountPoint(rootfs)) {
      Mounts.mountAll(snapshots.mounts(id), Files.createDirectories(rootfs));
    }
    return rootfs;
  }

  private void unmountRootfs(String id) throws IOException {
    Path rootfs = store.rootfs(id);
    if (MountTable.isMountPoint(rootfs)) {
      Mounts.unmountAll(snapshots.mounts(id), rootfs);
    }
  }
}
