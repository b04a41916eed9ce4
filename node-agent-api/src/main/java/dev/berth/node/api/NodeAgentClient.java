package dev.berth.node.api;

import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * A node agent's HTTP API as a Spring HTTP interface. Streams (followed logs, streamed stats, exec
 * output) are read through the plain endpoints the agent documents in its OpenAPI description.
 *
 * <p>Two endpoints take the connection over, as Docker's hijack does, and so are no methods here:
 * {@code POST /api/v1/containers/{id}/attach?stdin=&stdout=&stderr=} and
 * {@code POST /api/v1/execs/{execId}/start?stdin=}, sent with {@code Connection: Upgrade} and
 * {@code Upgrade: tcp}, are answered {@code 101} with {@code Content-Type} either
 * {@code application/vnd.docker.multiplexed-stream} (Docker's 8-byte frame headers: 1 stdout,
 * 2 stderr) or {@code application/vnd.docker.raw-stream} (a terminal's bytes). Then the agent
 * writes the process's output and closes the connection when the process has exited; with
 * {@code stdin=true} the bytes the caller sends are the process's stdin and the caller's half-close
 * ends it. Attaching to a container that does not run waits for its next run and is connected
 * before it starts, so the output of {@code docker run} (create, attach, start) is never missed.
 * Refusals before the upgrade are problem details as elsewhere (404 no such container or exec).
 */
@HttpExchange("/api/v1")
public interface NodeAgentClient {

  @GetExchange("/node")
  NodeInfo node();

  @PostExchange("/containers")
  ContainerStatus create(@RequestBody ContainerSpec spec);

  @GetExchange("/containers")
  List<ContainerStatus> list();

  @GetExchange("/containers/{id}")
  ContainerStatus inspect(@PathVariable String id);

  @PostExchange("/containers/{id}/start")
  ContainerStatus start(@PathVariable String id);

  @PostExchange("/containers/{id}/stop")
  ContainerStatus stop(@PathVariable String id, @RequestParam(required = false) Integer timeout);

  @PostExchange("/containers/{id}/restart")
  ContainerStatus restart(@PathVariable String id, @RequestParam(required = false) Integer timeout);

  @PostExchange("/containers/{id}/kill")
  ContainerStatus kill(@PathVariable String id, @RequestParam(required = false) String signal);

  @PostExchange("/containers/{id}/pause")
  ContainerStatus pause(@PathVariable String id);

  @PostExchange("/containers/{id}/unpause")
  ContainerStatus unpause(@PathVariable String id);

  @PostExchange("/containers/{id}/update")
  ContainerStatus update(@PathVariable String id, @RequestBody ContainerUpdate update);

  @PostExchange("/containers/{id}/wait")
  WaitResult await(@PathVariable String id, @RequestParam(required = false) String condition);

  @DeleteExchange("/containers/{id}")
  void remove(@PathVariable String id, @RequestParam boolean force, @RequestParam boolean volumes);

  @GetExchange("/containers/{id}/logs")
  List<LogEntry> logs(@PathVariable String id, @RequestParam(required = false) String since,
      @RequestParam(required = false) String until, @RequestParam(required = false) String tail);

  @GetExchange("/containers/{id}/top")
  TopResult top(@PathVariable String id, @RequestParam(required = false) String psArgs);

  @GetExchange("/containers/{id}/stats")
  ContainerStats stats(@PathVariable String id);

  /** Sets the terminal size of the running container; 409 when it does not run. */
  @PostExchange("/containers/{id}/resize")
  void resize(@PathVariable String id, @RequestParam int height, @RequestParam int width);

  @PostExchange("/containers/{id}/execs")
  ExecStatus createExec(@PathVariable String id, @RequestBody ExecSpec spec);

  @GetExchange("/execs/{execId}")
  ExecStatus inspectExec(@PathVariable String execId);

  /** Sets the terminal size of the running exec, if it has a terminal. */
  @PostExchange("/execs/{execId}/resize")
  void resizeExec(@PathVariable String execId, @RequestParam int height, @RequestParam int width);

  /** Events after sequence number {@code since}, oldest first; waits up to {@code wait} ms for a first one. */
  @GetExchange("/events")
  List<NodeEvent> events(@RequestParam long since, @RequestParam int limit, @RequestParam long wait);
}
