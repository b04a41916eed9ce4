package dev.berth.engine.dockerapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.node.api.ContainerStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Docker's {@code GET /containers/{id}/json} body ({@code docker inspect}). */
record ContainerInspectResponse(
    @JsonProperty("Id") String id,
    @JsonProperty("Created") String created,
    @JsonProperty("Path") String path,
    @JsonProperty("Args") List<String> args,
    @JsonProperty("State") State state,
    @JsonProperty("Image") String image,
    @JsonProperty("ResolvConfPath") String resolvConfPath,
    @JsonProperty("HostnamePath") String hostnamePath,
    @JsonProperty("HostsPath") String hostsPath,
    @JsonProperty("LogPath") String logPath,
    @JsonProperty("Name") String name,
    @JsonProperty("RestartCount") int restartCount,
    @JsonProperty("Driver") String driver,
    @JsonProperty("Platform") String platform,
    @JsonProperty("MountLabel") String mountLabel,
    @JsonProperty("ProcessLabel") String processLabel,
    @JsonProperty("AppArmorProfile") String appArmorProfile,
    @JsonProperty("ExecIDs") List<String> execIds,
    @JsonProperty("HostConfig") HostConfig hostConfig,
    @JsonProperty("Mounts") List<MountResponse> mounts,
    @JsonProperty("Config") ContainerConfig config,
    @JsonProperty("NetworkSettings") NetworkSettings networkSettings) {

  /** The container's state; {@code Running} and {@code Paused} are always present (docker-java unboxes them). */
  record State(
      @JsonProperty("Status") String status,
      @JsonProperty("Running") boolean running,
      @JsonProperty("Paused") boolean paused,
      @JsonProperty("Restarting") boolean restarting,
      @JsonProperty("OOMKilled") boolean oomKilled,
      @JsonProperty("Dead") boolean dead,
      @JsonProperty("Pid") int pid,
      @JsonProperty("ExitCode") int exitCode,
      @JsonProperty("Error") String error,
      @JsonProperty("StartedAt") String startedAt,
      @JsonProperty("FinishedAt") String finishedAt) {
  }

  /**
   * The container's networking: {@code Ports} maps each exposed port to its host bindings, null
   * for one exposed but not published.
   */
  record NetworkSettings(
      @JsonProperty("Bridge") String bridge,
      @JsonProperty("SandboxID") String sandboxId,
      @JsonProperty("SandboxKey") String sandboxKey,
      @JsonProperty("Ports") Map<String, List<HostConfig.PortBindingJson>> ports,
      @JsonProperty("EndpointID") String endpointId,
      @JsonProperty("Gateway") String gateway,
      @JsonProperty("GlobalIPv6Address") String globalIpv6Address,
      @JsonProperty("GlobalIPv6PrefixLen") int globalIpv6PrefixLen,
      @JsonProperty("IPAddress") String ipAddress,
      @JsonProperty("IPPrefixLen") int ipPrefixLen,
      @JsonProperty("IPv6Gateway") String ipv6Gateway,
      @JsonProperty("MacAddress") String macAddress,
      @JsonProperty("Networks") Map<String, EndpointResponse> networks) {
  }

  static ContainerInspectResponse of(DockerContainer container) {
    var record = container.record();
    List<String> command = container.command();
    String state = container.state();
    ContainerConfig given = container.body().config();
    ContainerConfig config = new ContainerConfig(
        container.spec().hostname() == null ? record.id().substring(0, 12) : container.spec().hostname(),
        orEmpty(container.spec().domainname()), orEmpty(first(container.spec().user(), container.image().user())),
        Boolean.TRUE.equals(given.attachStdin()), Boolean.TRUE.equals(given.attachStdout()),
        Boolean.TRUE.equals(given.attachStderr()), container.exposedPorts().isEmpty() ? null : container.exposedPorts(),
        container.spec().tty(), container.spec().openStdin(), Boolean.TRUE.equals(given.stdinOnce()), container.env(),
        container.cmd(), record.image(), volumes(container),
        orEmpty(first(container.spec().workingDir(), container.image().workingDir())), container.entrypoint(),
        null, container.labels(), first(container.spec().stopSignal(), container.image().stopSignal()),
        container.spec().stopTimeout());
    return new ContainerInspectResponse(record.id(), DockerTime.rfc3339Nano(record.createdAt()),
        command.isEmpty() ? "" : command.getFirst(), command.isEmpty() ? List.of() : command.subList(1, command.size()),
        new State(state, container.running(), state.equals("paused"), state.equals("restarting"), record.oomKilled(),
            state.equals("dead"), record.pid(), record.exitCode() == null ? 0 : record.exitCode(),
            orEmpty(record.error()), DockerTime.rfc3339Nano(record.startedAt()),
            DockerTime.rfc3339Nano(record.finishedAt())),
        record.imageId(), "", "", "", "", "/" + record.name(), record.restartCount(), "overlay2", "linux", "", "", "",
        null, container.body().hostConfig().withDefaults(container.networkMode()),
        MountResponse.of(container.spec()), config, networkSettings(container));
  }

  private static NetworkSettings networkSettings(DockerContainer container) {
    ContainerStatus.NetworkInfo network = container.network();
    Map<String, List<HostConfig.PortBindingJson>> ports = new LinkedHashMap<>();
    if (network != null) {
      container.exposedPorts().keySet().forEach(key -> ports.put(key, null));
      container.publishedPorts().forEach(port -> ports.computeIfAbsent(port.containerPort() + "/" + port.protocol(),
          key -> new ArrayList<>()).add(new HostConfig.PortBindingJson(
              port.hostIp() == null || port.hostIp().isEmpty() ? "0.0.0.0" : port.hostIp(),
              Integer.toString(port.hostPort()))));
    }
    EndpointResponse endpoint = EndpointResponse.of(container.networkName(), network);
    return new NetworkSettings("", "", "", ports, "", endpoint.gateway(), "", 0, endpoint.ipAddress(),
        endpoint.ipPrefixLen(), "", endpoint.macAddress(), Map.of(container.networkName(), endpoint));
  }

  private static Map<String, Object> volumes(DockerContainer container) {
    Map<String, Object> volumes = new LinkedHashMap<>();
    if (container.image().volumes() != null) {
      container.image().volumes().keySet().forEach(path -> volumes.put(path, Map.of()));
    }
    if (container.body().config().volumes() != null) {
      container.body().config().volumes().keySet().forEach(path -> volumes.put(path, Map.of()));
    }
    return volumes.isEmpty() ? null : volumes;
  }

  private static String first(String value, String fallback) {
    return value == null || value.isEmpty() ? fallback : value;
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
