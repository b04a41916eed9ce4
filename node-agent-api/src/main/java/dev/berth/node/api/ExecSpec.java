package dev.berth.node.api;

import java.util.List;

/**
 * An extra process to run in a running container.
 *
 * @param cmd the command and its arguments
 * @param env {@code KEY=value} entries added to the container's environment
 * @param user {@code user[:group]}; the container's user when null
 * @param workingDir the working directory; the container's when null
 * @param tty run it on a terminal
 * @param privileged with all capabilities
 */
public record ExecSpec(List<String> cmd, List<String> env, String user, String workingDir, boolean tty,
    boolean privileged) {
}
