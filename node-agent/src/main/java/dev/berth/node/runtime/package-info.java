/**
 * Launching containers: {@link dev.berth.node.runtime.OciRuntime} is a thin wrapper over the OCI
 * runtime's command line ({@code crun} when installed, else {@code runc}) with no state
 * logic, and {@link dev.berth.node.runtime.Conmon} starts each container under a conmon monitor
 * (its own session, so containers outlive the agent) which writes the container's log, its exit
 * code into the exit directory and an {@code oom} marker when the kernel OOM-kills it; clients
 * attach to a process's stdio through conmon's attach socket ({@link dev.berth.node.runtime.ConmonAttach})
 * and resize its terminal through its control FIFO ({@link dev.berth.node.runtime.ConmonControl}). See the
 * runtime spec's <a href="https://github.com/opencontainers/runtime-spec/blob/v1.0.2/runtime.md">runtime.md</a>
 * for the operations and states.
 */
package dev.berth.node.runtime;
