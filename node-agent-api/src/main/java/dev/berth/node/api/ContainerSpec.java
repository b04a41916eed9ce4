package dev.berth.node.api;

import java.util.List;
import java.util.Map;

/**
 * Everything a node agent needs to create a container. Fields left null take the image's value
 * (entrypoint, cmd, working dir, user, stop signal) or Docker's default.
 *
 * @param id the container ID, 64 lowercase hex characters, chosen by the caller
 * @param name the container's name, without Docker's leading slash
 * @param image digest of the image manifest; its blobs are fetched from image-service
 * @param entrypoint replaces the image's Entrypoint when not null (an empty list clears it)
 * @param cmd replaces the image's Cmd when not null
 * @param env {@code KEY=value} entries added to the image's environment, replacing equal keys
 * @param workingDir replaces the image's WorkingDir
 * @param user {@code user[:group]} by name or number, resolved in the image's /etc/passwd and /etc/group
 * @param hostname the container's host name; defaults to the first 12 characters of the ID
 * @param domainname the container's NIS domain name
 * @param tty whether the main process gets a terminal
 * @param openStdin whether the main process's stdin stays open for attach
 * @param stopSignal the signal {@code stop} sends first (name such as {@code SIGTERM} or number)
 * @param stopTimeout seconds {@code stop} waits before SIGKILL; null means 10
 * @param labels the container's labels
 * @param host host-level options: mounts, network, ports, limits, restart policy
 */
public record ContainerSpec(String id, String name, String image, List<String> entrypoint, List<String> cmd,
    List<String> env, String workingDir, String user, String hostname, String domainname, boolean tty,
    boolean openStdin, String stopSignal, Integer stopTimeout, Map<String, String> labels, HostOptions host) {
}
