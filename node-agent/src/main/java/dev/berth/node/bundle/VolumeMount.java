package dev.berth.node.bundle;

import java.nio.file.Path;

/**
 * A volume resolved to a host directory, bind-mounted into a container.
 *
 * @param name the volume's name (64 hex characters for an anonymous one)
 * @param source the host directory
 * @param destination the absolute path in the container
 * @param readOnly whether it is mounted read-only
 */
public record VolumeMount(String name, Path source, String destination, boolean readOnly) {
}
