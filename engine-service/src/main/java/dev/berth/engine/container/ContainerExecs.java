package dev.berth.engine.container;

import dev.berth.engine.event.Events;
import dev.berth.engine.node.Nodes;
import dev.berth.node.api.ExecSpec;
import dev.berth.node.api.ExecStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Extra processes in running containers, run by the container's node agent. engine-service names
 * each exec with an ID of its own, mapped in memory to its node and the agent's exec ID — as
 * dockerd keeps execs in memory too; an exec is forgotten with its container.
 */
@Component
public class ContainerExecs {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Containers containers;
  private final Nodes nodes;
  private final NodeStreams streams;
  private final Events events;
  private final Map<String, Exec> execs = new ConcurrentHashMap<>();

  ContainerExecs(Containers containers, Nodes nodes, NodeStreams streams, Events events) {
    this.containers = containers;
    this.nodes = nodes;
    this.streams = streams;
    this.events = events;
  }

  /**
   * An exec as engine-service knows it.
   *
   * @param id its engine-wide ID
   * @param node the node it runs on
   * @param agentId the node agent's ID for it
   * @param containerId the container it runs in
   * @param spec what it runs
   * @param attachStdin whether its caller attaches stdin
   * @param attachStdout whether its caller reads stdout
   * @param attachStderr whether its caller reads stderr
   * @param detachKeys the key sequence that detaches from it
   */
  public record Exec(String id, String node, String agentId, String containerId, ExecSpec spec, boolean attachStdin,
      boolean attachStdout, boolean attachStderr, String detachKeys) {
  }

  /** Prepares {@code spec} in the running container {@code reference}; 409 when it does not run. */
  public Exec create(String reference, ExecSpec spec, boolean attachStdin, boolean attachStdout, boolean attachStderr,
      String detachKeys) {
    ContainerEntity container = containers.get(reference);
    ExecStatus created = NodeCalls.call(container.node(),
        () -> nodes.client(container.node()).createExec(container.id(), spec));
    execs.values().removeIf(exec -> find(exec.containerId()).isEmpty());
    Exec exec = new Exec(newId(), container.node(), created.id(), container.id(), spec, attachStdin, attachStdout,
        attachStderr, detachKeys == null ? "" : detachKeys);
    execs.put(exec.id(), exec);
    record(exec, "exec_create: " + String.join(" ", spec.cmd()), Map.of());
    return exec;
  }

  /** The exec {@code id} names; 404 with Docker's message when there is none. */
  public Exec get(String id) {
    Exec exec = execs.get(id);
    if (exec == null) {
      throw new EngineException.NotFound("No such exec instance: " + id);
    }
    return exec;
  }

  /** The exec's state on its node. */
  public ExecStatus status(Exec exec) {
    return NodeCalls.call(exec.node(), () -> nodes.client(exec.node()).inspectExec(exec.agentId()));
  }

  /**
   * Runs the exec to its end, copying its output to {@code out} as its node gives it — Docker's
   * multiplexed frames, or raw terminal output with a tty — flushed as it comes, and {@code stdin}
   * (when not null and the exec attached stdin) to its stdin, the end of it ending stdin. A client
   * that goes away ends the copy; the exec's exit is recorded either way.
   */
  public void start(Exec exec, InputStream stdin, OutputStream out) throws IOException {
    boolean withStdin = stdin != null && exec.attachStdin();
    UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/v1/execs/{execId}/start")
        .queryParam("stdin", withStdin).uriVariables(Map.of("execId", exec.agentId()));
    record(exec, "exec_start: " + String.join(" ", exec.spec().cmd()), Map.of());
    try {
      streams.upgrade(exec.node(), uri).splice(withStdin ? stdin : null, out);
    } finally {
      Integer exitCode = status(exec).exitCode();
      record(exec, "exec_die", Map.of("exitCode", String.valueOf(exitCode)));
    }
  }

  /** Sets the terminal size of the exec, if it runs with one. */
  public void resize(Exec exec, int height, int width) {
    NodeCalls.run(exec.node(), () -> nodes.client(exec.node()).resizeExec(exec.agentId(), height, width));
  }

  private void record(Exec exec, String action, Map<String, String> extra) {
    find(exec.containerId()).ifPresent(container -> {
      Map<String, String> attributes = containers.attributes(container);
      attributes.put("execID", exec.id());
      attributes.putAll(extra);
      events.record("container", action, container.id(), attributes);
    });
  }

  private Optional<ContainerEntity> find(String containerId) {
    try {
      return Optional.of(containers.get(containerId));
    } catch (EngineException.NotFound gone) {
      return Optional.empty();
    }
  }

  private static String newId() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
