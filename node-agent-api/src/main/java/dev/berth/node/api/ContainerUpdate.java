package dev.berth.node.api;

/**
 * New limits or restart policy of a container (Docker's {@code docker update}).
 *
 * @param resources cgroup limits, applied at once to a running container; unchanged when null
 * @param restartPolicy the new restart policy; unchanged when null
 */
public record ContainerUpdate(Resources resources, RestartPolicy restartPolicy) {
}
