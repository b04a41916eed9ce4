package dev.berth.engine.dockerapi;

import dev.berth.engine.container.ContainerExecs;
import dev.berth.engine.container.EngineException;
import dev.berth.node.api.ExecSpec;
import dev.berth.platform.TcpUpgrade;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Docker's exec: create, start (detached; streamed in a plain 200 as docker-java reads it; or over
 * a connection taken over with {@code Upgrade: tcp}, as the CLI asks, which with
 * {@code AttachStdin} also carries the client's input to the exec's stdin, the client's half-close
 * ending it), inspect and resize (the exec's terminal, if it has one). See the reference's §3.13
 * and §4.4.
 */
@RestController
class DockerExecController {

  private static final Logger log = LoggerFactory.getLogger(DockerExecController.class);

  private final ContainerExecs execs;

  DockerExecController(ContainerExecs execs) {
    this.execs = execs;
  }

  @PostMapping("/containers/{id}/exec")
  ResponseEntity<ExecCreateResponse> create(@PathVariable String id, @RequestBody ExecCreateRequest request) {
    if (request.cmd() == null || request.cmd().isEmpty() || request.cmd().getFirst().isBlank()) {
      throw new EngineException.InvalidArgument("No exec command specified");
    }
    ExecSpec spec = new ExecSpec(request.cmd(), request.env() == null ? List.of() : request.env(),
        blankToNull(request.user()), blankToNull(request.workingDir()), Boolean.TRUE.equals(request.tty()),
        Boolean.TRUE.equals(request.privileged()));
    ContainerExecs.Exec exec = execs.create(id, spec, Boolean.TRUE.equals(request.attachStdin()),
        Boolean.TRUE.equals(request.attachStdout()), Boolean.TRUE.equals(request.attachStderr()),
        request.detachKeys());
    return ResponseEntity.status(HttpStatus.CREATED).body(new ExecCreateResponse(exec.id()));
  }

  @PostMapping("/exec/{id}/start")
  ResponseEntity<StreamingResponseBody> start(@PathVariable String id,
      @RequestBody(required = false) ExecStartRequest start, HttpServletRequest request,
      HttpServletResponse response) throws IOException, ServletException {
    ContainerExecs.Exec exec = execs.get(id);
    if (start != null && Boolean.TRUE.equals(start.detach())) {
      Thread.startVirtualThread(() -> runDetached(exec));
      return ResponseEntity.ok().header(HttpHeaders.CONTENT_LENGTH, "0").build();
    }
    String contentType = StdStream.contentType(request, exec.spec().tty()).toString();
    if (TcpUpgrade.requested(request)) {
      TcpUpgrade.start(request, response, contentType, (in, out) -> execs.start(exec, in, out));
      return null;
    }
    StreamingResponseBody body = out -> {
      out.flush();
      execs.start(exec, null, out);
    };
    return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, contentType).body(body);
  }

  @GetMapping("/exec/{id}/json")
  ExecInspectResponse inspect(@PathVariable String id) {
    ContainerExecs.Exec exec = execs.get(id);
    return ExecInspectResponse.of(exec, execs.status(exec));
  }

  @PostMapping("/exec/{id}/resize")
  ResponseEntity<Void> resize(@PathVariable String id, @RequestParam(name = "h", required = false) Integer height,
      @RequestParam(name = "w", required = false) Integer width) {
    if (height != null && height < 0 || width != null && width < 0) {
      throw new EngineException.InvalidArgument("invalid terminal size " + height + "x" + width);
    }
    ContainerExecs.Exec exec = execs.get(id);
    if (height != null && width != null) {
      execs.resize(exec, height, width);
    }
    return ResponseEntity.ok().build();
  }

  private void runDetached(ContainerExecs.Exec exec) {
    try {
      execs.start(exec, null, OutputStream.nullOutputStream());
    } catch (IOException | EngineException e) {
      log.warn("Detached exec {} in container {} failed: {}", exec.id(), exec.containerId(), e.getMessage());
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
