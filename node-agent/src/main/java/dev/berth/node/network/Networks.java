package dev.berth.node.network;

import dev.berth.node.api.ContainerStats;
import dev.berth.node.api.ContainerStatus.NetworkInfo;
import dev.berth.node.api.PortBinding;
import dev.berth.node.runtime.RuntimeStateDir;
import dev.berth.platform.BerthProperties;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Containers' networks in Docker's modes: {@code bridge} (the default), {@code host} and {@code none}.
 * Published ports apply to bridge mode; like Docker in host mode, the other modes discard them.
 *
 * <p>Every attachment is persisted ({@link AttachmentStore}) before and after the CNI ADD, so
 * {@link #detach} undoes it from the file alone, also after an agent restart. Calls for
 * one container must not overlap; calls for different containers may.
 */
@Component
public class Networks implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Networks.class);
  private static final Pattern CONTAINER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

  private final NetworkNamespaces namespaces;
  private final AttachmentStore store;
  private final CniPlugins plugins;
  private final BridgeNetwork bridge;
  private final Duration udpIdleTimeout;
  private final Map<String, List<PortProxy>> proxies = new ConcurrentHashMap<>();

  /**
   * Keeps the attachments in the runtime state directory ({@code networks}), the address allocations under
   * {@code <berth.data-dir>/network}, the namespaces in the configured directory.
   */
  @Autowired
  public Networks(BerthProperties berth, NetworkProperties properties, RuntimeStateDir stateDir) throws IOException {
    this(berth.dataDir().resolve("network"), stateDir.networks(), properties);
  }

  Networks(Path dataDir, Path attachmentDir, NetworkProperties properties) throws IOException {
    JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    this.namespaces = new NetworkNamespaces(properties.namespaceDir());
    this.store = new AttachmentStore(attachmentDir, json);
    store.adopt(dataDir.resolve("containers"));
    this.plugins = new CniPlugins(properties.pluginDir(), properties.pluginTimeout(), json);
    this.bridge = new BridgeNetwork(properties, dataDir.resolve("ipam"), plugins, json);
    this.udpIdleTimeout = properties.udpIdleTimeout();
  }

  /**
   * Sets up the container's network: its namespace (bridge), its bridge interface and address
   * (bridge) and its published ports (bridge). On failure nothing is left behind; a port already in
   * use fails with {@link PortUnavailableException}, a CNI plugin error with {@link CniException}.
   *
   * @param mode {@code bridge} (also when null, empty or {@code default}), {@code host} or {@code none}
   */
  public NetworkAttachment attach(String containerId, String mode, List<PortBinding> ports) throws IOException {
    checkId(containerId);
    String resolved = mode == null || mode.isEmpty() || mode.equals("default") ? "bridge" : mode;
    if (store.read(containerId).isPresent()) {
      throw new IllegalStateException("container " + containerId + " has a network attachment already");
    }
    return switch (resolved) {
      case "host" -> record(containerId, null, new NetworkInfo("host", null, 0, null, null, List.of()));
      case "none" -> attachNone(containerId);
      case "bridge" -> attachBridge(containerId, ports == null ? List.of() : ports);
      default -> throw new IllegalArgumentException("network mode '" + mode + "' of container " + containerId
          + " is not supported: bridge, host or none");
    };
  }

  /**
   * Releases the container's network: stops its port proxies, runs CNI DEL, removes its namespace and
   * its state file. Nothing happens for a container without an attachment.
   */
  public void detach(String containerId) throws IOException {
    checkId(containerId);
    closeProxies(containerId);
    Optional<AttachmentState> state = store.read(containerId);
    if (state.isPresent()) {
      release(state.get());
    } else {
      namespaces.remove(namespaces.path(containerId));
    }
  }

  /**
   * At agent start: restarts the port proxies of the running containers from their persisted
   * attachments and detaches everything else left behind — attachments, namespaces without one and
   * IPAM allocations without one. A failure with one container is logged and does not stop the others;
   * a running container keeps its namespace and address even when its ports cannot be bound again.
   */
  public void readopt(Set<String> runningContainerIds) throws IOException {
    Set<String> kept = new HashSet<>();
    for (String containerId : store.containerIds()) {
      try {
        if (runningContainerIds.contains(containerId)) {
          kept.add(containerId);
          readopt(store.read(containerId).orElseThrow());
        } else {
          detach(containerId);
        }
      } catch (IOException | RuntimeException e) {
        log.warn("container {}: its network could not be re-adopted or cleaned up", containerId, e);
      }
    }
    for (String name : namespaces.names()) {
      if (!kept.contains(name)) {
        namespaces.remove(namespaces.path(name));
      }
    }
    bridge.releaseAllocations(kept);
  }

  /** The container's network as attached, if it has an attachment. */
  public Optional<NetworkInfo> info(String containerId) throws IOException {
    checkId(containerId);
    return store.read(containerId).map(AttachmentState::info);
  }

  /**
   * The interface counters (loopback excluded) of the container's namespace, read through its process
   * {@code pid}; empty in host mode, where the interfaces are the host's, and without an attachment.
   */
  public Map<String, ContainerStats.NetworkStats> counters(String containerId, int pid) throws IOException {
    checkId(containerId);
    Optional<AttachmentState> state = store.read(containerId);
    if (state.isEmpty() || state.get().namespace() == null) {
      return Map.of();
    }
    return InterfaceCounters.of(pid);
  }

  /** Stops all port proxies (the agent is stopping); attachments stay for {@link #readopt}. */
  @Override
  public void close() {
    proxies.keySet().forEach(this::closeProxies);
  }

  /**
   * No namespace of the agent's own: the runtime creates a fresh one with the container, with only
   * loopback, up (runc and crun both bring it up), and it goes with the container's last process.
   */
  private NetworkAttachment attachNone(String containerId) throws IOException {
    return record(containerId, null, new NetworkInfo("none", null, 0, null, null, List.of()));
  }

  private NetworkAttachment attachBridge(String containerId, List<PortBinding> ports) throws IOException {
    List<PortProxy> bound = new ArrayList<>();
    Path namespace = null;
    try {
      for (PortBinding port : ports) {
        bound.add(PortProxy.bind(port, udpIdleTimeout));
      }
      namespace = namespaces.create(containerId);
      AttachmentState state = new AttachmentState(containerId, namespace, null, bridge.config(), null);
      store.write(state);
      JsonNode result = plugins.add(state.cniConfig(), containerId, namespace);
      BridgeNetwork.Address address = BridgeNetwork.address(result);
      NetworkInfo info = new NetworkInfo("bridge", address.ipAddress(), address.prefixLength(), address.gateway(),
          address.macAddress(), bound.stream().map(PortProxy::binding).toList());
      store.write(state.withResult(info, result));
      start(containerId, address.ipAddress(), bound);
      return new NetworkAttachment(namespace, info);
    } catch (IOException | RuntimeException e) {
      bound.forEach(PortProxy::close);
      if (namespace != null) {
        Path created = namespace;
        undo(e, () -> rollBack(containerId, created));
      }
      throw e;
    }
  }

  private NetworkAttachment record(String containerId, Path namespace, NetworkInfo info) throws IOException {
    store.write(new AttachmentState(containerId, namespace, info, null, null));
    return new NetworkAttachment(namespace, info);
  }

  private void readopt(AttachmentState state) throws IOException {
    NetworkInfo info = state.info();
    if (info == null) {
      throw new IOException("attachment of container " + state.containerId() + " was never completed");
    }
    if (state.namespace() != null && !Files.exists(state.namespace())) {
      throw new IOException("network namespace " + state.namespace() + " of container " + state.containerId()
          + " is gone");
    }
    if (state.cniConfig() == null) {
      return; // host and none: the namespace is all there is, and it stays
    }
    try {
      plugins.check(state.cniConfig(), state.cniResult(), state.containerId(), state.namespace());
    } catch (CniException e) {
      log.warn("container {}: its bridge attachment is no longer intact", state.containerId(), e);
    }
    List<PortProxy> bound = new ArrayList<>();
    try {
      for (PortBinding port : info.ports()) {
        bound.add(PortProxy.bind(port, udpIdleTimeout));
      }
    } catch (IOException | RuntimeException e) {
      bound.forEach(PortProxy::close);
      throw e;
    }
    start(state.containerId(), info.ipAddress(), bound);
  }

  private void start(String containerId, String ipAddress, List<PortProxy> bound) throws IOException {
    InetAddress container = InetAddress.getByName(ipAddress);
    bound.forEach(proxy -> proxy.start(new InetSocketAddress(container, proxy.binding().containerPort())));
    proxies.put(containerId, List.copyOf(bound));
  }

  private void release(AttachmentState state) throws IOException {
    Path namespace = state.namespace();
    if (state.cniConfig() != null) {
      boolean present = namespace != null && Files.exists(namespace);
      plugins.del(state.cniConfig(), state.cniResult(), state.containerId(), present ? namespace : null);
    }
    if (namespace != null) {
      namespaces.remove(namespace);
    }
    store.delete(state.containerId());
  }

  /**
   * Undoes a failed bridge attach: DEL cleans up whatever ADD did before it failed (the CNI spec asks
   * for it), then the namespace and state go even if DEL fails too; an allocation DEL could not
   * release is released by the next {@link #readopt}.
   */
  private void rollBack(String containerId, Path namespace) throws IOException {
    Optional<AttachmentState> state = store.read(containerId);
    try {
      if (state.isPresent()) {
        plugins.del(state.get().cniConfig(), state.get().cniResult(), containerId, namespace);
      }
    } finally {
      namespaces.remove(namespace);
      store.delete(containerId);
    }
  }

  private void closeProxies(String containerId) {
    List<PortProxy> running = proxies.remove(containerId);
    if (running != null) {
      running.forEach(PortProxy::close);
    }
  }

  private interface Cleanup {
    void run() throws IOException;
  }

  /** Runs a cleanup after {@code failure}, attaching the cleanup's own failure to it. */
  private static void undo(Exception failure, Cleanup cleanup) {
    try {
      cleanup.run();
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  private static void checkId(String containerId) {
    if (containerId == null || !CONTAINER_ID.matcher(containerId).matches()) {
      throw new IllegalArgumentException("invalid container ID '" + containerId + "'");
    }
  }
}
