package dev.berth.node.container;

import dev.berth.node.api.ContainerSpec;
import dev.berth.node.api.HostOptions;
import dev.berth.node.api.MountSpec;
import dev.berth.node.api.PortBinding;
import dev.berth.node.api.RestartPolicy;
import dev.berth.oci.Digest;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a container spec before anything is created for it; every problem is a 400 naming the field. */
final class SpecValidator {

  private static final Pattern ID = Pattern.compile("[0-9a-f]{64}");
  /** Docker's container name rule. */
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");
  private static final Pattern HOSTNAME = Pattern.compile("[a-zA-Z0-9]([a-zA-Z0-9.-]{0,252})?");
  private static final Set<String> NETWORK_MODES = Set.of("bridge", "host", "none");
  private static final Set<String> MOUNT_TYPES = Set.of("bind", "volume", "tmpfs");
  private static final Set<String> RESTART_POLICIES = Set.of("no", "on-failure", "always", "unless-stopped");

  private SpecValidator() {
  }

  static void validate(ContainerSpec spec) {
    require(spec.id() != null && ID.matcher(spec.id()).matches(), "id must be 64 lowercase hex characters");
    require(spec.name() != null && NAME.matcher(spec.name()).matches() && spec.name().length() <= 255,
        "name must match [a-zA-Z0-9][a-zA-Z0-9_.-]*");
    require(spec.image() != null && Digest.isDigest(spec.image()), "image must be a manifest digest (sha256:...)");
    require(spec.hostname() == null || spec.hostname().isEmpty() || HOSTNAME.matcher(spec.hostname()).matches(),
        "hostname is not a valid host name: " + spec.hostname());
    require(spec.stopTimeout() == null || spec.stopTimeout() >= -1, "stopTimeout must be -1 or more");
    require(spec.env() == null || spec.env().stream().allMatch(e -> e != null && !e.isEmpty() && !e.startsWith("=")),
        "env entries must be KEY=value");
    require(spec.stopSignal() == null || spec.stopSignal().isEmpty() || Signals.isValid(spec.stopSignal()),
        "stopSignal is not a signal: " + spec.stopSignal());
    HostOptions host = spec.host() == null ? HostOptions.defaults() : spec.host();
    require(host.networkMode() == null || NETWORK_MODES.contains(host.networkMode()),
        "networkMode must be bridge, host or none");
    if (host.mounts() != null) {
      host.mounts().forEach(SpecValidator::validate);
    }
    if (host.ports() != null) {
      host.ports().forEach(SpecValidator::validate);
    }
    RestartPolicy policy = host.restartPolicy();
    require(policy == null || policy.name() == null || RESTART_POLICIES.contains(policy.name()),
        "restartPolicy must be no, on-failure, always or unless-stopped");
    require(policy == null || policy.maximumRetryCount() >= 0, "maximumRetryCount must not be negative");
    require(!(host.autoRemove() && policy != null && policy.name() != null && !policy.name().equals("no")),
        "autoRemove conflicts with a restart policy");
  }

  private static void validate(MountSpec mount) {
    require(mount != null && MOUNT_TYPES.contains(mount.type()), "mount type must be bind, volume or tmpfs");
    require(mount.target() != null && mount.target().startsWith("/") && !mount.target().contains("/../")
        && !mount.target().endsWith("/.."), "mount target must be an absolute path: " + mount.target());
    require(!mount.target().equals("/"), "cannot mount over /");
    if (mount.type().equals("bind")) {
      require(mount.source() != null && mount.source().startsWith("/"), "bind source must be an absolute host path");
    }
    require(mount.tmpfsSize() >= 0, "tmpfsSize must not be negative");
  }

  private static void validate(PortBinding port) {
    require(port != null && port.containerPort() > 0 && port.containerPort() <= 65535,
        "containerPort must be 1-65535");
    require(port.protocol() == null || port.protocol().equals("tcp") || port.protocol().equals("udp"),
        "protocol must be tcp or udp");
    require(port.hostPort() >= 0 && port.hostPort() <= 65535, "hostPort must be 0-65535");
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new ContainerException.InvalidArgument(message);
    }
  }
}
