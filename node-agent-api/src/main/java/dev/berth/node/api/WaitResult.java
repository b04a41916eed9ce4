package dev.berth.node.api;

/**
 * How a container's run ended.
 *
 * @param exitCode its exit code
 * @param oomKilled whether it was killed for exceeding its memory limit
 */
public record WaitResult(int exitCode, boolean oomKilled) {
}
