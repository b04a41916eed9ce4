package dev.berth.engine.dockerapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One container of Docker's {@code GET /containers/json} ({@code docker ps}). */
record ContainerSummaryResponse(
    @JsonProperty("Id") String id,
    @JsonProperty("Names") List<String> names,
    @JsonProperty("Image") String image,
    @JsonProperty("ImageID") String imageId,
    @JsonProperty("Command") String command,
    @JsonProperty("Created") long created,
    @JsonProperty("Ports") List<Port> ports,
    @JsonProperty("SizeRw") @JsonInclude(JsonInclude.Include.NON_NULL) Long sizeRw,
    @JsonProperty("SizeRootFs") @JsonInclude(JsonInclude.Include.NON_NULL) Long sizeRootFs,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("State") String state,
    @JsonProperty("Status") String status,
    @JsonProperty("HostConfig") Map<String, String> hostConfig,
    @JsonProperty("NetworkSettings") Map<String, Map<String, EndpointResponse>> networkSettings,
    @JsonProperty("Mounts") List<MountResponse> mounts) {

  /**
   * A port of the container: published ones with the host address and port, exposed-only ones
   * with neither.
   */
  record Port(@JsonProperty("IP") @JsonInclude(JsonInclude.Include.NON_NULL) String ip,
      @JsonProperty("PrivatePort") int privatePort,
      @JsonProperty("PublicPort") @JsonInclude(JsonInclude.Include.NON_NULL) Integer publicPort,
      @JsonProperty("Type") String type) {
  }

  static ContainerSummaryResponse of(DockerContainer container, Instant now) {
    return new ContainerSummaryResponse(container.record().id(), List.of("/" + container.record().name()),
        container.record().image(), container.record().imageId(), command(container.command()),
        container.record().createdAt().getEpochSecond(), ports(container), null, null, container.labels(),
        container.state(), container.status(now), Map.of("NetworkMode", container.networkMode()),
        Map.of("Networks", Map.of(container.networkName(),
            EndpointResponse.of(container.networkName(), container.network()))),
        MountResponse.of(container.spec()));
  }

  /** This summary with Docker's sizes ({@code size=1}). */
  ContainerSummaryResponse withSizes(long rootFs) {
    return new ContainerSummaryResponse(id, names, image, imageId, command, created, ports, 0L, rootFs, labels, state,
        status, hostConfig, networkSettings, mounts);
  }

  /** moby's COMMAND: the path, then the arguments, those holding a space in single quotes. */
  static String command(List<String> command) {
    return command.stream().map(arg -> arg.contains(" ") ? "'" + arg + "'" : arg).collect(Collectors.joining(" "));
  }

  /** While attached: each published binding, and each exposed port nothing publishes. */
  private static List<Port> ports(DockerContainer container) {
    List<Port> ports = new ArrayList<>();
    if (container.network() == null) {
      return ports;
    }
    container.publishedPorts().forEach(port -> ports.add(new Port(
        port.hostIp() == null || port.hostIp().isEmpty() ? "0.0.0.0" : port.hostIp(), port.containerPort(),
        port.hostPort(), port.protocol())));
    container.exposedPorts().keySet().stream().map(PortKey::parse)
        .filter(key -> ports.stream().noneMatch(port -> port.privatePort() == key.port()
            && port.type().equals(key.protocol())))
        .forEach(key -> ports.add(new Port(null, key.port(), null, key.protocol())));
    ports.sort(Comparator.comparingInt(Port::privatePort).thenComparing(Port::type));
    return ports;
  }
}
