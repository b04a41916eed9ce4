package dev.berth.node.web;

import dev.berth.node.attach.Attachment;
import dev.berth.node.attach.Attachments;
import dev.berth.node.container.ContainerException;
import dev.berth.platform.TcpUpgrade;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A container's stdio, attached over an upgraded connection, and its terminal size. */
@RestController
@RequestMapping("/api/v1/containers/{id}")
@Tag(name = "containers")
class AttachController {

  static final String MULTIPLEXED = "application/vnd.docker.multiplexed-stream";
  static final String RAW = "application/vnd.docker.raw-stream";

  private final Attachments attachments;

  AttachController(Attachments attachments) {
    this.attachments = attachments;
  }

  @PostMapping("/attach")
  @Operation(summary = "Attach to a container's stdio over a connection upgraded with Upgrade: tcp",
      description = "Answered 101; then the container's output flows as Docker's multiplexed stream (8-byte frame "
          + "headers: 1 stdout, 2 stderr) or raw for a container with tty, and with stdin=true what the client "
          + "sends is the container's stdin, its half-close ending stdin. A container that does not run is "
          + "attached to its next run before that starts, so no output is missed. The connection closes when the "
          + "container exits.")
  void attach(@PathVariable String id, @RequestParam(defaultValue = "false") boolean stdin,
      @RequestParam(defaultValue = "true") boolean stdout, @RequestParam(defaultValue = "true") boolean stderr,
      HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
    if (!TcpUpgrade.requested(request)) {
      throw new ContainerException.InvalidArgument("attach needs a connection upgraded with Upgrade: tcp");
    }
    Attachment attachment = attachments.attach(id, new Attachments.Streams(stdin, stdout, stderr));
    TcpUpgrade.start(request, response, attachment.tty() ? RAW : MULTIPLEXED, attachment::run);
  }

  @PostMapping("/resize")
  @Operation(summary = "Set the terminal size of a running container (ignored without a terminal)")
  ResponseEntity<Void> resize(@PathVariable String id, @RequestParam int height, @RequestParam int width) {
    if (height < 0 || width < 0) {
      throw new ContainerException.InvalidArgument("invalid terminal size " + height + "x" + width);
    }
    attachments.resize(id, height, width);
    return ResponseEntity.ok().build();
  }
}
