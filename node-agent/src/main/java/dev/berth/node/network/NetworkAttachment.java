package dev.berth.node.network;

import dev.berth.node.api.ContainerStatus;
import java.nio.file.Path;

/**
 * What {@link Networks#attach} set up for a container.
 *
 * @param namespacePath the network namespace for the runtime to join ({@code linux.namespaces} entry of type
 *     {@code network} with this path); null in host mode, where the container keeps the host's namespace,
 *     and in none mode, where the runtime creates a new one
 * @param info the container's network as reported in its status
 */
public record NetworkAttachment(Path namespacePath, ContainerStatus.NetworkInfo info) {
}
