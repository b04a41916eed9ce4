package dev.berth.engine.dockerapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.engine.container.ContainerExecs;
import dev.berth.node.api.ExecStatus;
import java.util.List;

/**
 * The body of {@code GET /exec/{id}/json}; the CLI exits with {@code ExitCode}, docker-java
 * unboxes it once the exec has run. See the reference's §3.13.
 *
 * @param id the exec's ID
 * @param running whether it runs
 * @param exitCode its exit code, null until it exited
 * @param processConfig what it runs
 * @param openStdin whether its stdin was attached
 * @param openStderr whether its stderr was attached
 * @param openStdout whether its stdout was attached
 * @param canRemove always false, as in dockerd
 * @param containerId the container it runs in
 * @param detachKeys the detach key sequence
 * @param pid its host PID while it runs, else 0
 */
record ExecInspectResponse(@JsonProperty("ID") String id, @JsonProperty("Running") boolean running,
    @JsonProperty("ExitCode") @JsonInclude(JsonInclude.Include.ALWAYS) Integer exitCode,
    @JsonProperty("ProcessConfig") ProcessConfig processConfig, @JsonProperty("OpenStdin") boolean openStdin,
    @JsonProperty("OpenStderr") boolean openStderr, @JsonProperty("OpenStdout") boolean openStdout,
    @JsonProperty("CanRemove") boolean canRemove, @JsonProperty("ContainerID") String containerId,
    @JsonProperty("DetachKeys") String detachKeys, @JsonProperty("Pid") int pid) {

  static ExecInspectResponse of(ContainerExecs.Exec exec, ExecStatus status) {
    List<String> cmd = exec.spec().cmd();
    return new ExecInspectResponse(exec.id(), status.running(), status.exitCode(),
        new ProcessConfig(exec.spec().tty(), cmd.getFirst(), cmd.subList(1, cmd.size()), exec.spec().privileged(),
            exec.spec().user() == null ? "" : exec.spec().user()),
        exec.attachStdin(), exec.attachStderr(), exec.attachStdout(), false, exec.containerId(), exec.detachKeys(),
        status.pid());
  }

  /**
   * The exec's process.
   *
   * @param tty whether it has a terminal
   * @param entrypoint the program
   * @param arguments its arguments
   * @param privileged whether it has all capabilities
   * @param user its user
   */
  record ProcessConfig(@JsonProperty("tty") boolean tty, @JsonProperty("entrypoint") String entrypoint,
      @JsonProperty("arguments") List<String> arguments, @JsonProperty("privileged") boolean privileged,
      @JsonProperty("user") String user) {
  }
}
