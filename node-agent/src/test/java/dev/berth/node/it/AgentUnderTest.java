package dev.berth.node.it;

import dev.berth.node.api.ContainerStatus;
import dev.berth.node.api.NodeAgentClient;
import dev.berth.testsupport.ServiceJar;
import dev.berth.testsupport.ServiceProcess;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * A node agent jar run as its own process (so tests can SIGKILL it) beside a real image-service,
 * with its own runtime state directory, bridge and subnet so that suites running at the same time
 * do not meet.
 */
final class AgentUnderTest {

  private static final SecureRandom RANDOM = new SecureRandom();

  private AgentUnderTest() {
  }

  static ServiceProcess agent(ServiceProcess imageService) {
    return agent(imageService, List::of);
  }

  /** The agent with extra arguments, asked for when it starts (so they may name servers started before it). */
  static ServiceProcess agent(ServiceProcess imageService, Supplier<List<String>> extra) {
    String suffix = Integer.toString(RANDOM.nextInt(1 << 20), 36);
    int subnet = 100 + RANDOM.nextInt(100);
    return ServiceProcess.of(ServiceJar.NODE_AGENT).withArguments(() -> Stream.concat(Stream.of(
        "--berth.node.image-service=http://" + imageService.address(),
        "--berth.node.runtime.state-dir=/run/berth-it-" + suffix,
        "--berth.node.network.bridge=bi" + suffix,
        "--berth.node.network.subnet=10." + subnet + ".7.0/24",
        "--berth.node.network.gateway=10." + subnet + ".7.1",
        "--berth.node.network.namespace-dir=/run/berth-it-" + suffix + "/netns"), extra.get().stream()).toList());
  }

  static NodeAgentClient client(ServiceProcess agent) {
    RestClient rest = RestClient.create("http://" + agent.address());
    return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(rest)).build().createClient(NodeAgentClient.class);
  }

  /** Removes every container, so the agent's data directory holds no mounts when it is deleted. */
  static void removeAll(NodeAgentClient client) {
    for (ContainerStatus container : client.list()) {
      client.remove(container.id(), true, true);
    }
  }
}
