package dev.berth.engine.dockerapi;

import dev.berth.engine.container.ContainerEntity;
import dev.berth.engine.container.ContainerIo;
import dev.berth.engine.container.Containers;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Docker's {@code GET /containers/{id}/logs}: one multiplexed frame per line (raw bytes for a
 * container with a terminal), optionally prefixed with its time, streamed from the container's node
 * and, with {@code follow}, until the container stops or the client goes away. See the reference's
 * §3.8.
 */
@RestController
class DockerLogsController {

  private final Containers containers;
  private final ContainerIo io;

  DockerLogsController(Containers containers, ContainerIo io) {
    this.containers = containers;
    this.io = io;
  }

  @GetMapping("/containers/{id}/logs")
  ResponseEntity<StreamingResponseBody> logs(@PathVariable String id, HttpServletRequest request,
      @RequestParam(defaultValue = "false") boolean stdout, @RequestParam(defaultValue = "false") boolean stderr,
      @RequestParam(defaultValue = "false") boolean follow, @RequestParam(defaultValue = "false") boolean timestamps,
      @RequestParam(required = false) String since, @RequestParam(required = false) String until,
      @RequestParam(required = false) String tail) {
    if (!stdout && !stderr) {
      throw new IllegalArgumentException("Bad parameters: you must choose at least one stream");
    }
    ContainerEntity container = containers.get(id);
    Instant from = DockerTime.parse(since, "since");
    ContainerIo.LogRequest query = new ContainerIo.LogRequest(from == null || from.getEpochSecond() == 0 ? null
        : from, DockerTime.parse(until, "until"), tail(tail), stdout, stderr, follow);
    boolean tty = container.spec().tty();
    StreamingResponseBody body = out -> {
      if (follow) {
        out.flush();
      }
      StdStream stream = new StdStream(out, tty, timestamps);
      try {
        io.logs(container, query, stream::write);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while reading the logs of " + container.id(), e);
      }
    };
    return ResponseEntity.ok().contentType(StdStream.contentType(request, tty)).body(body);
  }

  /** {@code all}, absent or negative for every line, else a number of lines. */
  private static int tail(String value) {
    if (value == null || value.isBlank() || value.equals("all")) {
      return -1;
    }
    try {
      return Math.max(-1, Integer.parseInt(value));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid value for \"tail\": " + value);
    }
  }
}
