package dev.berth.engine;

import dev.berth.testsupport.ServiceJar;
import dev.berth.testsupport.ServiceProcess;
import java.security.SecureRandom;
import java.util.List;

/** Node agent jars for the suites: each with its own name, runtime state, bridge and subnet, reporting to the engine. */
final class NodeAgents {

  private static final SecureRandom RANDOM = new SecureRandom();

  private NodeAgents() {
  }

  static ServiceProcess agent(String name, ServiceProcess imageService, ServiceProcess engine) {
    String suffix = Integer.toString(RANDOM.nextInt(1 << 20), 36);
    int subnet = 100 + RANDOM.nextInt(100);
    return ServiceProcess.of(ServiceJar.NODE_AGENT).withArguments(() -> List.of(
        "--berth.node.name=" + name,
        "--berth.node.image-service=http://" + imageService.address(),
        "--berth.node.report-url=http://" + engine.address() + "/api/v1/nodes/" + name + "/events",
        "--berth.node.runtime.state-dir=/run/berth-it-" + suffix,
        "--berth.node.network.bridge=be" + suffix,
        "--berth.node.network.subnet=10." + subnet + ".9.0/24",
        "--berth.node.network.gateway=10." + subnet + ".9.1",
        "--berth.node.network.namespace-dir=/run/berth-it-" + suffix + "/netns"));
  }
}
