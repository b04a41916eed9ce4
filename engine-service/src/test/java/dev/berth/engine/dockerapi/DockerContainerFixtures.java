package dev.berth.engine.dockerapi;

import dev.berth.engine.container.TestContainers;
import dev.berth.node.api.ContainerSpec;
import dev.berth.node.api.ContainerStatus;
import dev.berth.node.api.HostOptions;
import dev.berth.node.api.PortBinding;
import dev.berth.oci.ImageConfig;
import dev.berth.oci.OciJson;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Containers as the Docker API sees them, for the shape and filter tests. */
final class DockerContainerFixtures {

  static final String ID = "4f".repeat(32);
  static final Instant CREATED = Instant.parse("2026-11-28T01:38:08.638786960Z");
  static final ImageConfig.Config IMAGE = new ImageConfig.Config(null, Map.of("80/tcp", Map.of()),
      List.of("PATH=/usr/bin:/bin", "A=image"), null, List.of("sh"), null, null, Map.of("from", "image"), null);

  private DockerContainerFixtures() {
  }

  /** Container {@code name} created by {@code body} in {@code state}; running ones publish 80 on 8020. */
  static DockerContainer container(String id, String name, String body, String state, Instant startedAt,
      Instant finishedAt, Integer exitCode) {
    var json = OciJson.mapper().readTree(body);
    ContainerConfig config = OciJson.mapper().treeToValue(json, ContainerConfig.class);
    HostConfig host = json.path("HostConfig").isObject()
        ? OciJson.mapper().treeToValue(json.path("HostConfig"), HostConfig.class) : HostConfig.empty();
    ContainerSpec requested = ContainerSpecs.from(name, config, host, IMAGE);
    ContainerSpec spec = new ContainerSpec(id, name, "sha256:" + "d".repeat(64), requested.entrypoint(),
        requested.cmd(), requested.env(), requested.workingDir(), requested.user(), requested.hostname(),
        requested.domainname(), requested.tty(), requested.openStdin(), requested.stopSignal(),
        requested.stopTimeout(), requested.labels(), requested.host() == null ? HostOptions.defaults()
            : requested.host());
    ContainerStatus.NetworkInfo network = state.equals("running")
        ? new ContainerStatus.NetworkInfo("bridge", "10.88.0.2", 24, "10.88.0.1", "02:42:0a:58:00:02",
            List.of(new PortBinding(80, "tcp", "", 8020)))
        : null;
    ContainerStatus status = new ContainerStatus(id, name, spec.image(), state, state.equals("running") ? 4242 : 0,
        exitCode, false, null, CREATED, startedAt, finishedAt, 0, network, spec, 1);
    return new DockerContainer(TestContainers.record(spec, config.image(), "sha256:" + "c".repeat(64), CREATED,
        new CreateBody(config, host).toJson(), status), new CreateBody(config, host), IMAGE);
  }
}
