package dev.berth.node.it;

import static dev.berth.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.node.api.ContainerStatus;
import dev.berth.node.api.NodeAgentClient;
import dev.berth.node.api.PortBinding;
import dev.berth.testsupport.BusyboxImage;
import dev.berth.testsupport.Commands;
import dev.berth.testsupport.Probes;
import dev.berth.testsupport.ServiceJar;
import dev.berth.testsupport.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Containers outlive the agent: SIGKILL it while they run, start it again, and it re-adopts them all.
 * With runc, where the other suites get crun when it is installed: both runtimes keep containers alive.
 */
class AgentRestartIT {

  @RegisterExtension
  @Order(1)
  static final ServiceProcess imageService = ServiceProcess.of(ServiceJar.IMAGE_SERVICE);

  static final AgentUnderTest node = new AgentUnderTest(imageService,
      () -> List.of("--berth.node.runtime.name=runc"));

  @RegisterExtension
  @Order(2)
  static final ServiceProcess agent = node.process();

  @TempDir
  static Path scratch;

  private static NodeAgentClient client;
  private static String image;

  @BeforeAll
  static void importBusybox() throws Exception {
    image = BusyboxImage.importInto(imageService, "it/busybox:restart");
    client = node.client();
  }

  @AfterAll
  static void removeContainers() {
    node.cleanUp();
  }

  @Test
  void readoptsRunningContainersAndNoticesExitsAfterBeingKilled() throws Exception {
    List<String> servers = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Specs spec = Specs.of(image, "httpd", "-f", "-p", "80", "-h", "/www").bridge(new PortBinding(80, "tcp", "", 0));
      servers.add(client.create(spec.build()).id());
      client.start(servers.getLast());
    }
    String shortLived = client.create(Specs.shell(image, "sleep 2; exit 7").build()).id();
    client.start(shortLived);
    Map<String, Integer> ports = servers.stream().collect(Collectors.toMap(id -> id,
        id -> client.inspect(id).network().ports().getFirst().hostPort()));
    for (int port : ports.values()) {
      assertThat(eventually(() -> page(port), BusyboxImage.INDEX::equals)).isNotNull();
    }
    List<String> mountsBefore = berthMounts();
    assertThat(mountsBefore).as("root filesystems mounted").hasSizeGreaterThanOrEqualTo(servers.size() + 1);

    // on tmpfs (mounted by the agent where /run is on a disk), found mounted with the state in it after the restart
    assertThat(Files.getFileStore(node.stateDir()).type()).isEqualTo("tmpfs");

    Path stray = strayRuntimeState(node.stateDir().resolve("bundles").resolve(servers.getFirst()).resolve("rootfs"));

    agent.kill();
    // the short-lived container exits while the agent is down; its exit code goes where an earlier
    // agent's conmon put it, the data disk's exits directory, which the agent still watches
    Path exitFile = node.stateDir().resolve("exits").resolve(shortLived);
    assertThat(eventually(() -> Files.exists(exitFile), Boolean::booleanValue)).as("exit file %s", exitFile).isTrue();
    Path formerExitFile = Files.createDirectories(agent.dataDir().resolve("exits")).resolve(shortLived);
    Files.move(exitFile, formerExitFile);
    agent.restart();
    client = node.client();

    assertThat(stray).as("runtime state of a container without a record").doesNotExist();

    for (String id : servers) {
      ContainerStatus status = client.inspect(id);
      assertThat(status.state()).as("container %s", id).isEqualTo("running");
      assertThat(page(ports.get(id))).as("port %d of %s", ports.get(id), id).isEqualTo(BusyboxImage.INDEX);
    }
    ContainerStatus exited = eventually(() -> client.inspect(shortLived),
        status -> status.state().equals("exited"));
    assertThat(exited.exitCode()).isEqualTo(7);
    assertThat(eventually(() -> Files.exists(formerExitFile), exists -> !exists)).as("consumed exit file").isFalse();
    // the exit is recorded first, its run torn down right after: the exited container's rootfs goes then
    assertThat(eventually(AgentRestartIT::berthMounts, mounts -> mounts.size() == mountsBefore.size() - 1))
        .as("mounts after re-adoption").hasSize(mountsBefore.size() - 1);
  }

  /**
   * Runtime state the agent has no record of, as a container removed just before the agent was killed
   * leaves when the runtime's deletion (done in the background) did not finish: a container created by
   * runc itself in the agent's runtime root, with a minimal bundle of its own on {@code rootfs}.
   */
  private static Path strayRuntimeState(Path rootfs) throws IOException {
    Path bundle = Files.createDirectories(scratch.resolve("stray"));
    Commands.result(Duration.ofSeconds(30), List.of("runc", "spec", "--bundle", bundle.toString())).assertSucceeded();
    JsonMapper json = JsonMapper.builder().build();
    ObjectNode config = (ObjectNode) json.readTree(bundle.resolve("config.json").toFile());
    ObjectNode process = config.withObject("/process").put("terminal", false);
    process.putArray("args").add("sleep").add("1000");
    config.withObject("/root").put("path", rootfs.toString()).put("readonly", true);
    json.writeValue(bundle.resolve("config.json").toFile(), config);
    String id = "stray" + Long.toHexString(System.nanoTime());
    Path root = node.stateDir().resolve("runc");
    Commands.result(Duration.ofSeconds(30), List.of("runc", "--root", root.toString(), "create", "--bundle",
        bundle.toString(), id)).assertSucceeded();
    assertThat(root.resolve(id)).isDirectory();
    return root.resolve(id);
  }

  private static String page(int port) {
    return Probes.page("http://127.0.0.1:" + port + "/index.html");
  }

  /** Mount points under the agent's bundles and data directory (root filesystems of running containers). */
  private static List<String> berthMounts() {
    String bundles = node.stateDir().resolve("bundles") + "/";
    String dataDir = agent.dataDir() + "/";
    try {
      return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
          .map(line -> line.split(" ")[4])
          .filter(mountPoint -> mountPoint.startsWith(bundles) || mountPoint.startsWith(dataDir))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
