package dev.berth.node.web;

import dev.berth.node.api.ExecSpec;
import dev.berth.node.api.ExecStatus;
import dev.berth.node.exec.Execs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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
          + "terminal output for an exec with tty; the exit code is in GET /api/v1/execs/{execId} once the stream ends.")
  ResponseEntity<StreamingResponseBody> start(@PathVariable String execId) {
    boolean tty = execs.inspect(execId).spec().tty();
    StreamingResponseBody body = out -> execs.start(execId, out);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(tty ? "application/vnd.docker.raw-stream"
            : "application/vnd.docker.multiplexed-stream"))
        .body(body);
  }

  @GetMapping("/api/v1/execs/{execId}")
  ExecStatus inspect(@PathVariable String execId) {
    return execs.inspect(execId);
  }
}
