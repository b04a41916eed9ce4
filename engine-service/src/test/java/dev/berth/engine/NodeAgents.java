package dev.berth.engine;

import dev.berth.testsupport.ServiceJar;
import dev.berth.testsupport.ServiceProcess;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.Supplier;

/** Node agent jars for the suites: each with its own name, runtime state, bridge and subnet, reporting to the engine. */
final class NodeAgents {

  private static final SecureRandom RANDOM = new SecureRandom();

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
    int subnet = 100 + RANDOM.nextInt(100);
    return ServiceProcess.of(ServiceJar.NODE_AGENT).withArguments(() -> List.of(
        "--berth.node.name=" + name,
        "--berth.node.image-service=http://" + imageService.address(),
        engineArgument.get(),
        "--berth.node.runtime.state-dir=/run/berth-it-" + suffix,
        "--berth.node.network.bridge=be" + suffix,
        "--berth.node.network.subnet=10." + subnet + ".9.0/24",
        "--berth.node.network.gateway=10." + subnet + ".9.1",
        "--berth.node.network.namespace-dir=/run/berth-it-" + suffix + "/netns"));
  }
}
