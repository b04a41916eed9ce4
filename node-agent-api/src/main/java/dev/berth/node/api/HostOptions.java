package dev.berth.node.api;

import java.util.List;

/**
 * Host-level options of a container, Docker's {@code HostConfig} in the agent's terms.
 *
 * @param mounts bind mounts, named or anonymous volumes and tmpfs mounts
 * @param networkMode {@code bridge} (default), {@code host} or {@code none}
 * @param ports published ports; host port 0 picks a free port
 * @param extraHosts {@code name:address} lines added to /etc/hosts
 * @param dns name servers for /etc/resolv.conf; the host's when empty
 * @param dnsSearch search domains for /etc/resolv.conf
 * @param dnsOptions options for /etc/resolv.conf
 * @param resources cgroup limits
 * @param restartPolicy what to do when the container exits
 * @param readonlyRootfs mount the root filesystem read-only
 * @param capAdd capabilities added to Docker's default set ({@code NET_ADMIN} or {@code CAP_NET_ADMIN}, {@code ALL})
 * @param capDrop capabilities dropped from it
 * @param privileged all capabilities, no masked paths, no seccomp, host devices
 * @param ulimits rlimits replacing Docker's defaults, capped at the host's hard limits
 * @param autoRemove remove the container when it exits (Docker's {@code --rm})
 */
public record HostOptions(List<MountSpec> mounts, String networkMode, List<PortBinding> ports, List<String> extraHosts,
    List<String> dns, List<String> dnsSearch, List<String> dnsOptions, Resources resources,
    RestartPolicy restartPolicy, boolean readonlyRootfs, List<String> capAdd, List<String> capDrop,
    boolean privileged, List<Ulimit> ulimits, boolean autoRemove) {

  /** Docker's defaults: bridge network, nothing published, no limits, never restarted. */
  public static HostOptions defaults() {
    return new HostOptions(List.of(), "bridge", List.of(), List.of(), List.of(), List.of(), List.of(),
        Resources.none(), RestartPolicy.no(), false, List.of(), List.of(), false, List.of(), false);
  }
}
