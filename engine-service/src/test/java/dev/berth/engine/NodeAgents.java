package dev.berth.engine;

import dev.berth.testsupport.AgentStateDirs;
import dev.berth.testsupport.HostNetworks;
import dev.berth.testsupport.ServiceJar;
import dev.berth.testsupport.ServiceProcess;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Node agent jars for the suites: each with its own name, runtime state, bridge and a subnet no
 * other interface on the host uses, reporting to the engine; {@link #cleanUp} removes the
 * bridges and runtime state directories of the agents made so far.
 */
final class NodeAgents {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final List<String> BRIDGES = new CopyOnWriteArrayList<>();
  private static final List<Path> STATE_DIRS = new CopyOnWriteArrayList<>();

  private NodeAgents() {
  }

  /** An agent that reports to the engine and is registered by the test. */
  static ServiceProcess agent(String name, ServiceProcess imageService, ServiceProcess engine) {
    return agent(name, imageService, () -> "--berth.node.report-url=http://" + engine.address() + "/api/v1/nodes/"
        + name + "/events");
  }

  /** An agent that registers itself with the engine (and so reports to it). */
  static ServiceProcess registering(String name, ServiceProcess imageService, ServiceProcess engine) {
    return agent(name, imageService, () -> "--berth.node.engine=http://" + engine.address());
  }

  private static ServiceProcess agent(String name, ServiceProcess imageService, Supplier<String> engineArgument) {
    String suffix = Integer.toString(RANDOM.nextInt(1 << 20), 36);
    BRIDGES.add("be" + suffix);
    Path stateDir = AgentStateDirs.of(suffix);
    STATE_DIRS.add(stateDir);
    Supplier<String> subnet = memoized(() -> HostNetworks.freeSubnet(9));
    return ServiceProcess.of(ServiceJar.NODE_AGENT).withArguments(() -> List.of(
        "--berth.node.name=" + name,
        "--berth.node.image-service=http://" + imageService.address(),
        engineArgument.get(),
        "--berth.node.runtime.state-dir=" + stateDir,
        "--berth.node.network.bridge=be" + suffix,
        "--berth.node.network.subnet=" + subnet.get() + ".0/24",
        "--berth.node.network.gateway=" + subnet.get() + ".1",
        "--berth.node.network.namespace-dir=" + stateDir.resolve("netns")));
  }

  /** The value {@code supplier} gives the first time, every time: a restarted agent keeps its subnet. */
  private static Supplier<String> memoized(Supplier<String> supplier) {
    AtomicReference<String> value = new AtomicReference<>();
    return () -> value.updateAndGet(known -> known != null ? known : supplier.get());
  }

  /** Removes the bridges and runtime state directories of the agents made so far (their containers must be gone). */
  static void cleanUp() {
    BRIDGES.forEach(HostNetworks::deleteBridge);
    BRIDGES.clear();
    STATE_DIRS.forEach(AgentStateDirs::remove);
    STATE_DIRS.clear();
  }
}
