package dev.berth.node.api;

/**
 * A published port: traffic to {@code hostIp:hostPort} is forwarded to the container's port.
 *
 * @param containerPort the port inside the container
 * @param protocol {@code tcp} or {@code udp}
 * @param hostIp the host address to listen on; empty or {@code 0.0.0.0} for all
 * @param hostPort the host port; 0 picks a free one (the status shows which)
 */
public record PortBinding(int containerPort, String protocol, String hostIp, int hostPort) {
}
