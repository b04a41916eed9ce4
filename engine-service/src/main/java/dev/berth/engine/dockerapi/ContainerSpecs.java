package dev.berth.engine.dockerapi;

import dev.berth.engine.container.EngineException;
import dev.berth.node.api.ContainerSpec;
import dev.berth.node.api.HostOptions;
import dev.berth.node.api.MountSpec;
import dev.berth.node.api.PortBinding;
import dev.berth.node.api.Resources;
import dev.berth.node.api.RestartPolicy;
import dev.berth.node.api.Ulimit;
import dev.berth.oci.ImageConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Translates a Docker create body into the spec a node agent runs, with dockerd's create-time
 * rules: the image's Cmd is kept when neither Entrypoint nor Cmd is given (also when Entrypoint is
 * cleared with {@code []}), an Entrypoint given drops the image's Cmd, {@code PublishAllPorts}
 * publishes every exposed port (the image's too) on a free host port, and labels are the image's
 * overlaid with the request's.
 */
final class ContainerSpecs {

  private ContainerSpecs() {
  }

  /** The spec of container {@code name} (null for a generated one) for {@code config} on image config {@code image}. */
  static ContainerSpec from(String name, ContainerConfig config, HostConfig host, ImageConfig.Config image) {
    List<String> entrypoint = config.entrypoint();
    List<String> cmd = empty(config.cmd()) ? null : config.cmd();
    if (empty(entrypoint) && cmd == null && entrypoint != null) {
      cmd = image.cmd();
    }
    List<String> effective = new ArrayList<>(entrypoint != null ? entrypoint : orEmpty(image.entrypoint()));
    effective.addAll(cmd != null ? cmd : entrypoint != null ? List.of() : orEmpty(image.cmd()));
    if (effective.isEmpty()) {
      throw new EngineException.InvalidArgument("No command specified");
    }
    Map<String, String> labels = new LinkedHashMap<>(image.labels() == null ? Map.of() : image.labels());
    if (config.labels() != null) {
      labels.putAll(config.labels());
    }
    return new ContainerSpec(null, name, config.image(), entrypoint, cmd, orEmpty(config.env()), blank(config.workingDir()),
        blank(config.user()), blank(config.hostname()), blank(config.domainname()), Boolean.TRUE.equals(config.tty()),
        Boolean.TRUE.equals(config.openStdin()), blank(config.stopSignal()), config.stopTimeout(), labels,
        host(config, host, image));
  }

  private static HostOptions host(ContainerConfig config, HostConfig host, ImageConfig.Config image) {
    return new HostOptions(mounts(config, host), networkMode(host.networkMode()), ports(config, host, image),
        orEmpty(host.extraHosts()), orEmpty(host.dns()), orEmpty(host.dnsSearch()), orEmpty(host.dnsOptions()),
        new Resources(zero(host.memory()), zero(host.memorySwap()), zero(host.cpuShares()), zero(host.cpuPeriod()),
            zero(host.cpuQuota()), zero(host.nanoCpus()), blank(host.cpusetCpus()), blank(host.cpusetMems()),
            zero(host.pidsLimit())),
        restartPolicy(host.restartPolicy()), Boolean.TRUE.equals(host.readonlyRootfs()), orEmpty(host.capAdd()),
        orEmpty(host.capDrop()), Boolean.TRUE.equals(host.privileged()),
        orEmpty(host.ulimits()).stream().map(u -> new Ulimit(u.name(), zero(u.soft()), zero(u.hard()))).toList(),
        Boolean.TRUE.equals(host.autoRemove()));
  }

  /** Docker's network modes Berth has: {@code default} is the bridge. */
  static String networkMode(String mode) {
    String value = mode == null || mode.isEmpty() ? "default" : mode;
    return switch (value) {
      case "default", "bridge" -> "bridge";
      case "host", "none" -> value;
      default -> throw new EngineException.NotFound("network " + value + " not found");
    };
  }

  static RestartPolicy restartPolicy(HostConfig.RestartPolicyJson policy) {
    if (policy == null || policy.name() == null || policy.name().isEmpty()) {
      return RestartPolicy.no();
    }
    if (!Set.of("no", "always", "unless-stopped", "on-failure").contains(policy.name())) {
      throw new EngineException.InvalidArgument("invalid restart policy '" + policy.name() + "'");
    }
    int retries = policy.maximumRetryCount() == null ? 0 : policy.maximumRetryCount();
    if (retries != 0 && !policy.name().equals("on-failure")) {
      throw new EngineException.InvalidArgument("invalid restart policy: maximum retry count can only be used with "
          + "'on-failure'");
    }
    return new RestartPolicy(policy.name(), retries);
  }

  private static List<MountSpec> mounts(ContainerConfig config, HostConfig host) {
    List<MountSpec> mounts = new ArrayList<>();
    for (String bind : orEmpty(host.binds())) {
      mounts.add(bind(bind));
    }
    for (HostConfig.MountJson mount : orEmpty(host.mounts())) {
      String type = mount.type() == null ? "volume" : mount.type();
      if (!Set.of("bind", "volume", "tmpfs").contains(type)) {
        throw new EngineException.InvalidArgument("mount type unknown: " + type);
      }
      if (mount.target() == null || mount.target().isEmpty()) {
        throw new EngineException.InvalidArgument("invalid mount config for type \"" + type
            + "\": field Target must not be empty");
      }
      long size = mount.tmpfsOptions() == null ? 0 : zero(mount.tmpfsOptions().sizeBytes());
      mounts.add(new MountSpec(type, mount.source() == null ? "" : mount.source(), mount.target(),
          Boolean.TRUE.equals(mount.readOnly()), size));
    }
    if (host.tmpfs() != null) {
      host.tmpfs().forEach((target, options) -> mounts.add(tmpfs(target, options)));
    }
    Set<String> targets = new LinkedHashSet<>();
    mounts.forEach(mount -> targets.add(mount.target()));
    if (config.volumes() != null) {
      config.volumes().keySet().stream().filter(target -> !targets.contains(target))
          .forEach(target -> mounts.add(new MountSpec("volume", "", target, false, 0)));
    }
    return mounts;
  }

  /** A {@code Binds} entry: {@code src:dst[:opts]}, an absolute source being a host path, else a volume name. */
  static MountSpec bind(String bind) {
    String[] parts = bind.split(":");
    if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || !parts[1].startsWith("/")) {
      throw new EngineException.InvalidArgument("invalid volume specification: '" + bind + "'");
    }
    boolean readOnly = false;
    if (parts.length == 3) {
      for (String option : parts[2].split(",")) {
        switch (option) {
          case "ro" -> readOnly = true;
          case "rw", "z", "Z", "private", "rprivate", "shared", "rshared", "slave", "rslave", "nocopy", "consistent",
               "cached", "delegated" -> {
          }
          default -> throw new EngineException.InvalidArgument("invalid mode: " + option);
        }
      }
    }
    return new MountSpec(parts[0].startsWith("/") ? "bind" : "volume", parts[0], parts[1], readOnly, 0);
  }

  /** A {@code Tmpfs} entry: target and mount options such as {@code rw,size=64m}. */
  static MountSpec tmpfs(String target, String options) {
    long size = 0;
    boolean readOnly = false;
    for (String option : (options == null ? "" : options).split(",")) {
      if (option.equals("ro")) {
        readOnly = true;
      } else if (option.startsWith("size=")) {
        size = bytes(option.substring(5));
      }
    }
    return new MountSpec("tmpfs", "", target, readOnly, size);
  }

  private static long bytes(String size) {
    String value = size.toLowerCase(Locale.ROOT);
    char unit = value.isEmpty() ? ' ' : value.charAt(value.length() - 1);
    long factor = switch (unit) {
      case 'k' -> 1L << 10;
      case 'm' -> 1L << 20;
      case 'g' -> 1L << 30;
      default -> 1;
    };
    try {
      return Long.parseLong(factor == 1 ? value : value.substring(0, value.length() - 1)) * factor;
    } catch (NumberFormatException e) {
      throw new EngineException.InvalidArgument("invalid tmpfs size: " + size);
    }
  }

  private static List<PortBinding> ports(ContainerConfig config, HostConfig host, ImageConfig.Config image) {
    List<PortBinding> ports = new ArrayList<>();
    Set<String> published = new LinkedHashSet<>();
    if (host.portBindings() != null) {
      host.portBindings().forEach((key, bindings) -> {
        PortKey port = PortKey.parse(key);
        for (HostConfig.PortBindingJson binding : orEmpty(bindings)) {
          ports.add(new PortBinding(port.port(), port.protocol(), binding.hostIp() == null ? "" : binding.hostIp(),
              hostPort(binding.hostPort())));
          published.add(port.toString());
        }
      });
    }
    if (Boolean.TRUE.equals(host.publishAllPorts())) {
      Set<String> exposed = new LinkedHashSet<>();
      if (image.exposedPorts() != null) {
        exposed.addAll(image.exposedPorts().keySet());
      }
      if (config.exposedPorts() != null) {
        exposed.addAll(config.exposedPorts().keySet());
      }
      exposed.stream().map(PortKey::parse).filter(port -> !published.contains(port.toString()))
          .forEach(port -> ports.add(new PortBinding(port.port(), port.protocol(), "", 0)));
    }
    return ports;
  }

  private static int hostPort(String hostPort) {
    if (hostPort == null || hostPort.isEmpty()) {
      return 0;
    }
    String first = hostPort.contains("-") ? hostPort.substring(0, hostPort.indexOf('-')) : hostPort;
    try {
      int port = Integer.parseInt(first);
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new EngineException.InvalidArgument("invalid port specification: \"" + hostPort + "\"");
    }
  }

  private static boolean empty(List<String> list) {
    return list == null || list.isEmpty();
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static String blank(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  private static long zero(Long value) {
    return value == null ? 0 : value;
  }
}
