package dev.berth.engine.dockerapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The body of {@code POST /containers/{id}/exec}; any field may be absent or null (docker-java
 * sends explicit nulls), and unknown ones such as {@code ConsoleSize} are ignored.
 *
 * @param attachStdin whether the caller will send stdin
 * @param attachStdout whether the caller reads stdout
 * @param attachStderr whether the caller reads stderr
 * @param tty run on a terminal
 * @param cmd the command and its arguments
 * @param env {@code KEY=value} entries added to the container's environment
 * @param user {@code user[:group]}, the container's when empty
 * @param workingDir the working directory, the container's when empty
 * @param privileged with all capabilities
 * @param detachKeys the key sequence that detaches (handled by the client)
 */
record ExecCreateRequest(@JsonProperty("AttachStdin") Boolean attachStdin,
    @JsonProperty("AttachStdout") Boolean attachStdout, @JsonProperty("AttachStderr") Boolean attachStderr,
    @JsonProperty("Tty") Boolean tty, @JsonProperty("Cmd") List<String> cmd, @JsonProperty("Env") List<String> env,
    @JsonProperty("User") String user, @JsonProperty("WorkingDir") String workingDir,
    @JsonProperty("Privileged") Boolean privileged, @JsonProperty("DetachKeys") String detachKeys) {
}
