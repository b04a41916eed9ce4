package dev.berth.node.web;

import dev.berth.node.api.ExecSpec;
import dev.berth.node.api.ExecStatus;
import dev.berth.node.container.ContainerException;
import dev.berth.node.exec.Execs;
import dev.berth.platform.TcpUpgrade;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Extra processes in running containers. */
@RestController
@Tag(name = "exec")
class ExecController {

  private final Execs execs;

  ExecController(Execs execs) {
    this.execs = execs;
  }

  @PostMapping("/api/v1/containers/{id}/execs")
  ResponseEntity<ExecStatus> create(@PathVariable String id, @RequestBody ExecSpec spec) {
    ExecStatus status = execs.create(id, spec);
    return ResponseEntity.created(URI.create("/api/v1/execs/" + status.id())).body(status);
  }

  @PostMapping("/api/v1/execs/{execId}/start")
  @Operation(summary = "Run an exec and stream its output",
      description = "The body is Docker's multiplexed stream (8-byte frame headers: 1 stdout, 2 stderr), or the raw "
          + "terminal output for an exec with tty; the exit code is in GET /api/v1/execs/{execId} once the stream ends. "
          + "With Upgrade: tcp the connection is answered 101 and carries the same stream, and with stdin=true what "
          + "the client sends on it is the exec's stdin, its half-close ending stdin.")
  ResponseEntity<StreamingResponseBody> start(@PathVariable String execId,
      @RequestParam(defaultValue = "false") boolean stdin, HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    String contentType = execs.inspect(execId).spec().tty() ? AttachController.RAW : AttachController.MULTIPLEXED;
    if (TcpUpgrade.requested(request)) {
      TcpUpgrade.start(request, response, contentType, (in, out) -> execs.start(execId, stdin ? in : null, out));
      return null;
    }
    StreamingResponseBody body = out -> execs.start(execId, null, out);
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(contentType)).body(body);
  }

  @PostMapping("/api/v1/execs/{execId}/resize")
  @Operation(summary = "Set the terminal size of a running exec (ignored without a terminal)")
  ResponseEntity<Void> resize(@PathVariable String execId, @RequestParam int height, @RequestParam int width) {
    if (height < 0 || width < 0) {
      throw new ContainerException.InvalidArgument("invalid terminal size " + height + "x" + width);
    }
    execs.resize(execId, height, width);
    return ResponseEntity.ok().build();
  }

  @GetMapping("/api/v1/execs/{execId}")
  ExecStatus inspect(@PathVariable String execId) {
    return execs.inspect(execId);
  }
}
