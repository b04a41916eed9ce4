package dev.berth.node.api;

/**
 * An exec process.
 *
 * @param id the exec ID
 * @param containerId the container it runs in
 * @param spec what it runs
 * @param running whether it is running
 * @param pid its host PID while running, else 0
 * @param exitCode its exit code once it exited, else null
 */
public record ExecStatus(String id, String containerId, ExecSpec spec, boolean running, int pid, Integer exitCode) {
}
