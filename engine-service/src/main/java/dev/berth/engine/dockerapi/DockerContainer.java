package dev.berth.engine.dockerapi;

import dev.berth.engine.container.ContainerEntity;
import dev.berth.node.api.ContainerSpec;
import dev.berth.node.api.ContainerStatus;
import dev.berth.node.api.PortBinding;
import dev.berth.oci.ImageConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A container as the Docker API sees it: its record, the create body it was made with and its
 * image's config, merged the way dockerd merges them (user values over the image's).
 *
 * @param record the container's record
 * @param body the Docker create body, empty for containers made through the native API
 * @param image its image's config
 */
record DockerContainer(ContainerEntity record, CreateBody body, ImageConfig.Config image) {

  static DockerContainer of(ContainerEntity record, ImageLookup images) {
    return new DockerContainer(record, CreateBody.fromJson(record.dockerConfig()), images.config(record.imageId()));
  }

  ContainerSpec spec() {
    return record.spec();
  }

  /** Docker's state word: created, running, paused, restarting, removing, exited or dead. */
  String state() {
    return ContainerEntity.CREATING.equals(record.state()) ? "created" : record.state();
  }

  /** Running as Docker counts it: also while paused or restarting. */
  boolean running() {
    return switch (state()) {
      case "running", "paused", "restarting" -> true;
      default -> false;
    };
  }

  /** moby's {@code State.String()}: the STATUS column of {@code docker ps}. */
  String status(Instant now) {
    String state = state();
    int exitCode = record.exitCode() == null ? 0 : record.exitCode();
    return switch (state) {
      case "running" -> "Up " + since(record.startedAt(), now);
      case "paused" -> "Up " + since(record.startedAt(), now) + " (Paused)";
      case "restarting" -> "Restarting (" + exitCode + ") " + since(record.finishedAt(), now) + " ago";
      case "removing" -> "Removal In Progress";
      case "dead" -> "Dead";
      default -> record.startedAt() == null ? "Created"
          : record.finishedAt() == null ? "" : "Exited (" + exitCode + ") " + since(record.finishedAt(), now) + " ago";
    };
  }

  private static String since(Instant time, Instant now) {
    return DockerTime.humanDuration(time == null ? Duration.ZERO : Duration.between(time, now));
  }

  List<String> entrypoint() {
    return spec().entrypoint() != null ? spec().entrypoint() : image.entrypoint();
  }

  List<String> cmd() {
    return spec().cmd() != null ? spec().cmd() : spec().entrypoint() != null ? null : image.cmd();
  }

  /** The process: entrypoint then cmd. */
  List<String> command() {
    List<String> command = new ArrayList<>(entrypoint() == null ? List.of() : entrypoint());
    command.addAll(cmd() == null ? List.of() : cmd());
    return command;
  }

  /** dockerd's merge: the request's entries, then the image's whose keys it does not set. */
  List<String> env() {
    List<String> user = spec().env() == null ? List.of() : spec().env();
    List<String> imageEnv = image.env() == null ? List.of() : image.env();
    if (user.isEmpty()) {
      return imageEnv;
    }
    List<String> env = new ArrayList<>(user);
    for (String entry : imageEnv) {
      String key = key(entry);
      if (user.stream().noneMatch(given -> key(given).equals(key))) {
        env.add(entry);
      }
    }
    return env;
  }

  private static String key(String entry) {
    int equals = entry.indexOf('=');
    return equals < 0 ? entry : entry.substring(0, equals);
  }

  Map<String, String> labels() {
    Map<String, String> labels = new LinkedHashMap<>(image.labels() == null ? Map.of() : image.labels());
    if (spec().labels() != null) {
      labels.putAll(spec().labels());
    }
    return labels;
  }

  /** The exposed ports ({@code 80/tcp}): the image's, the request's and the published ones. */
  Map<String, Object> exposedPorts() {
    Map<String, Object> ports = new TreeMap<>();
    if (image.exposedPorts() != null) {
      image.exposedPorts().keySet().forEach(key -> ports.put(PortKey.parse(key).toString(), Map.of()));
    }
    if (body.config().exposedPorts() != null) {
      body.config().exposedPorts().keySet().forEach(key -> ports.put(PortKey.parse(key).toString(), Map.of()));
    }
    if (spec().host() != null && spec().host().ports() != null) {
      spec().host().ports().forEach(port -> ports.put(port.containerPort() + "/" + port.protocol(), Map.of()));
    }
    return ports;
  }

  /** The network mode's name as Docker lists it under NetworkSettings.Networks. */
  String networkName() {
    return spec().host() == null || spec().host().networkMode() == null ? "bridge" : spec().host().networkMode();
  }

  /** HostConfig.NetworkMode: as the client sent it, else the mode the container has ({@code default} for the bridge). */
  String networkMode() {
    String given = body.hostConfig().networkMode();
    if (given != null && !given.isEmpty()) {
      return given;
    }
    return networkName().equals("bridge") ? "default" : networkName();
  }

  /** The network while attached, else null. */
  ContainerStatus.NetworkInfo network() {
    return record.network();
  }

  /** The published ports with their bound host ports while attached; none otherwise. */
  List<PortBinding> publishedPorts() {
    ContainerStatus.NetworkInfo network = network();
    return network == null || network.ports() == null ? List.of() : network.ports();
  }
}
