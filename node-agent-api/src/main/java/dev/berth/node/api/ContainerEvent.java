package dev.berth.node.api;

import java.time.Instant;

/**
 * A state change the agent reports: {@code create}, {@code start}, {@code die} (with exit code),
 * {@code oom}, {@code restart}, {@code pause}, {@code unpause}, {@code destroy}. The sequence
 * number is unique and increasing per agent, so a receiver applies each event once.
 *
 * @param sequence increasing number of this event on its agent
 * @param node the reporting node's name
 * @param containerId the container
 * @param type what happened
 * @param exitCode for {@code die}: the exit code
 * @param time when it happened
 */
public record ContainerEvent(long sequence, String node, String containerId, String type, Integer exitCode,
    Instant time) {
}
