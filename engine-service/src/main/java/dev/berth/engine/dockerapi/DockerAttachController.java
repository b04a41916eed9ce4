package dev.berth.engine.dockerapi;

import dev.berth.engine.container.ContainerEntity;
import dev.berth.engine.container.ContainerIo;
import dev.berth.engine.container.Containers;
import dev.berth.engine.container.EngineException;
import dev.berth.engine.container.NodeConnection;
import dev.berth.platform.TcpUpgrade;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Docker's {@code POST /containers/{id}/attach}: the container's output — its log first with
 * {@code logs}, then, with {@code stream}, what it writes until it exits — as multiplexed frames
 * (raw with a terminal), over a connection taken over with {@code Upgrade: tcp}, whose input with
 * {@code stdin} is the container's stdin (the client's half-close ending it), or in a plain 200 as
 * docker-java may ask. A container that does not run yet is attached to its next run before that
 * starts, so {@code docker run}'s create, attach, wait, start misses no output. Detach keys are the
 * client's business. And {@code POST /containers/{id}/resize}. See the reference's §3.7 and §4.4.
 */
@RestController
class DockerAttachController {

  private final Containers containers;
  private final ContainerIo io;

  DockerAttachController(Containers containers, ContainerIo io) {
    this.containers = containers;
    this.io = io;
  }

  @PostMapping("/containers/{id}/attach")
  ResponseEntity<StreamingResponseBody> attach(@PathVariable String id,
      @RequestParam(defaultValue = "false") boolean stream, @RequestParam(defaultValue = "false") boolean logs,
      @RequestParam(defaultValue = "false") boolean stdin, @RequestParam(defaultValue = "false") boolean stdout,
      @RequestParam(defaultValue = "false") boolean stderr, HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    ContainerEntity container = containers.get(id);
    boolean tty = container.spec().tty();
    // connected before the client hears back, so that a start it sends next finds the attachment in place
    NodeConnection connection = stream ? io.attach(container, stdin, stdout, stderr) : null;
    String contentType = StdStream.contentType(request, tty).toString();
    if (TcpUpgrade.requested(request)) {
      TcpUpgrade.start(request, response, contentType,
          (in, out) -> relay(container, logs, stdout, stderr, connection, stdin ? in : null, out));
      return null;
    }
    StreamingResponseBody body = out -> {
      out.flush();
      try {
        relay(container, logs, stdout, stderr, connection, null, out);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while attached to " + container.id(), e);
      }
    };
    return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, contentType).body(body);
  }

  @PostMapping("/containers/{id}/resize")
  ResponseEntity<Void> resize(@PathVariable String id, @RequestParam(name = "h", required = false) Integer height,
      @RequestParam(name = "w", required = false) Integer width) {
    if (height != null && height < 0 || width != null && width < 0) {
      throw new EngineException.InvalidArgument("invalid terminal size " + height + "x" + width);
    }
    ContainerEntity container = containers.get(id);
    if (height != null && width != null) {
      io.resize(container, height, width);
    }
    return ResponseEntity.ok().build();
  }

  private void relay(ContainerEntity container, boolean logs, boolean stdout, boolean stderr,
      NodeConnection connection, InputStream stdin, OutputStream out) throws IOException, InterruptedException {
    try {
      if (logs && (stdout || stderr)) {
        StdStream frames = new StdStream(out, container.spec().tty(), false);
        io.logs(container, new ContainerIo.LogRequest(null, null, -1, stdout, stderr, false), frames::write);
      }
      if (connection != null) {
        connection.splice(stdin, out);
      }
    } finally {
      if (connection != null) {
        connection.close();
      }
    }
  }
}
