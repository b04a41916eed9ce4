package dev.berth.node.it;

import dev.berth.node.api.ContainerStatus;
import dev.berth.node.api.NodeAgentClient;
import dev.berth.testsupport.AgentStateDirs;
import dev.berth.testsupport.HostNetworks;
import dev.berth.testsupport.ServiceJar;
import dev.berth.testsupport.ServiceProcess;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * A node agent jar run as its own process (so tests can SIGKILL it) beside a real image-service,
 * with its own runtime state directory, bridge and a subnet no other interface on the host uses,
 * so that suites running at the same time do not meet. {@link #cleanUp} removes its containers and
 * its bridge.
 */
final class AgentUnderTest {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String suffix = Integer.toString(RANDOM.nextInt(1 << 20), 36);
  private final ServiceProcess process;
  /** Chosen when the agent first starts and kept: a restarted agent finds its bridge as it left it. */
  private String subnet;

  AgentUnderTest(ServiceProcess imageService) {
    this(imageService, List::of);
  }

  /** The agent with extra arguments, asked for when it starts (so they may name servers started before it). */
  AgentUnderTest(ServiceProcess imageService, Supplier<List<String>> extra) {
    this.process = ServiceProcess.of(ServiceJar.NODE_AGENT).withArguments(() -> {
      if (subnet == null) {
        subnet = HostNetworks.freeSubnet(7);
      }
      return Stream.concat(Stream.of(
          "--berth.node.image-service=http://" + imageService.address(),
          "--berth.node.runtime.state-dir=" + stateDir(),
          "--berth.node.network.bridge=" + bridge(),
          "--berth.node.network.subnet=" + subnet + ".0/24",
          "--berth.node.network.gateway=" + subnet + ".1",
          "--berth.node.network.namespace-dir=" + stateDir().resolve("netns")), extra.get().stream()).toList();
    });
  }

  ServiceProcess process() {
    return process;
  }

  NodeAgentClient client() {
    RestClient rest = RestClient.create("http://" + process.address());
    return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(rest)).build().createClient(NodeAgentClient.class);
  }

  /** The runtime state directory: bundles (with the root filesystem mounts), runtime state, namespaces. */
  Path stateDir() {
    return AgentStateDirs.of(suffix);
  }

  /**
   * Removes every container (so the data and state directories hold no mounts when they are deleted),
   * the bridge and the runtime state directory.
   */
  void cleanUp() {
    NodeAgentClient client = client();
    for (ContainerStatus container : client.list()) {
      client.remove(container.id(), true, true);
    }
    HostNetworks.deleteBridge(bridge());
    AgentStateDirs.remove(stateDir());
  }

  private String bridge() {
    return "bi" + suffix;
  }
}
