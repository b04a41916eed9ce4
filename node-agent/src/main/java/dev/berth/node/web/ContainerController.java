package dev.berth.node.web;

import dev.berth.node.api.ContainerSpec;
import dev.berth.node.api.ContainerStatus;
import dev.berth.node.api.ContainerUpdate;
import dev.berth.node.api.WaitResult;
import dev.berth.node.container.Containers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Container lifecycle on this node. */
@RestController
@RequestMapping("/api/v1/containers")
@Tag(name = "containers")
class ContainerController {

  private final Containers containers;

  ContainerController(Containers containers) {
    this.containers = containers;
  }

  @PostMapping
  @Operation(summary = "Create a container",
      description = "Fetches and unpacks the image's layers it lacks from image-service, prepares the root filesystem.")
  ResponseEntity<ContainerStatus> create(@RequestBody ContainerSpec spec) {
    ContainerStatus status = containers.create(spec);
    return ResponseEntity.created(URI.create("/api/v1/containers/" + status.id())).body(status);
  }

  @GetMapping
  @Operation(summary = "Every container on this node, oldest first")
  List<ContainerStatus> list() {
    return containers.list();
  }

  @GetMapping("/{id}")
  ContainerStatus inspect(@PathVariable String id) {
    return containers.inspect(id);
  }

  @PostMapping("/{id}/start")
  ContainerStatus start(@PathVariable String id) {
    return containers.start(id);
  }

  @PostMapping("/{id}/stop")
  @Operation(summary = "Stop a container",
      description = "Sends its stop signal, then SIGKILL after timeout seconds (its own stop timeout, else 10; -1 waits).")
  ContainerStatus stop(@PathVariable String id, @RequestParam(required = false) Integer timeout) {
    return containers.stop(id, timeout);
  }

  @PostMapping("/{id}/restart")
  ContainerStatus restart(@PathVariable String id, @RequestParam(required = false) Integer timeout) {
    return containers.restart(id, timeout);
  }

  @PostMapping("/{id}/kill")
  @Operation(summary = "Send a signal to a container's main process (SIGKILL unless named)")
  ContainerStatus kill(@PathVariable String id, @RequestParam(required = false) String signal) {
    return containers.kill(id, signal);
  }

  @PostMapping("/{id}/pause")
  ContainerStatus pause(@PathVariable String id) {
    return containers.pause(id);
  }

  @PostMapping("/{id}/unpause")
  ContainerStatus unpause(@PathVariable String id) {
    return containers.unpause(id);
  }

  @PostMapping("/{id}/update")
  @Operation(summary = "Change a container's resource limits (at once when it runs) or restart policy")
  ContainerStatus update(@PathVariable String id, @RequestBody ContainerUpdate update) {
    return containers.update(id, update.resources(), update.restartPolicy());
  }

  @PostMapping("/{id}/wait")
  @Operation(summary = "Wait for a container",
      description = "condition: not-running (default), next-exit or removed.")
  WaitResult await(@PathVariable String id, @RequestParam(required = false) String condition)
      throws InterruptedException {
    return containers.await(id, condition);
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Remove a container",
      description = "force kills it when it runs; volumes removes its anonymous volumes.")
  ResponseEntity<Void> remove(@PathVariable String id, @RequestParam(defaultValue = "false") boolean force,
      @RequestParam(defaultValue = "false") boolean volumes) {
    containers.remove(id, force, volumes);
    return ResponseEntity.noContent().build();
  }
}
