package dev.berth.node.api;

import java.time.Instant;
import java.util.Map;

/**
 * A state change the agent reports. Containers: {@code create}, {@code start}, {@code die} (with
 * exit code), {@code oom}, {@code restart}, {@code pause}, {@code unpause}, {@code update},
 * {@code destroy}; volumes: {@code create}, {@code mount}, {@code unmount}, {@code destroy};
 * networks: {@code connect}, {@code disconnect}. The sequence number is unique and increasing per
 * agent, so a receiver applies each event once.
 *
 * @param sequence increasing number of this event on its agent
 * @param node the reporting node's name
 * @param type what it happened to: {@code container}, {@code volume} or {@code network}
 * @param action what happened
 * @param actorId the container's ID, the volume's name or the network's name
 * @param exitCode for a container's {@code die}: the exit code
 * @param attributes details in Docker's event attribute names ({@code container}, {@code driver},
 *     {@code destination}, {@code read/write}, {@code type}, ...); empty for container events
 * @param time when it happened
 */
public record NodeEvent(long sequence, String node, String type, String action, String actorId, Integer exitCode,
    Map<String, String> attributes, Instant time) {

  public NodeEvent {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  /** Whether this is about a container (rather than a volume or a network). */
  public boolean aboutContainer() {
    return "container".equals(type);
  }
}
