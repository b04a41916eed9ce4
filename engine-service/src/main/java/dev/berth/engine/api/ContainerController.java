package dev.berth.engine.api;

import dev.berth.engine.container.ContainerEntity;
import dev.berth.engine.container.Containers;
import dev.berth.engine.node.NodeEntity;
import dev.berth.engine.node.Nodes;
import dev.berth.node.api.ContainerSpec;
import dev.berth.node.api.ContainerUpdate;
import dev.berth.node.api.WaitResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Containers, wherever they run. Containers are named by ID, name or unique ID prefix. */
@RestController
@RequestMapping("/api/v1/containers")
@Tag(name = "containers")
class ContainerController {

  private final Containers containers;
  private final Nodes nodes;

  ContainerController(Containers containers, Nodes nodes) {
    this.containers = containers;
    this.nodes = nodes;
  }

  @PostMapping
  @Operation(summary = "Create a container",
      description = "The body is a container spec whose image is a reference (httpd, httpd:2.4, 127.0.0.1:5000/team/"
          + "app@sha256:...) and whose id is left out; node places it on that node, else on the least loaded one.")
  ResponseEntity<ContainerView> create(@RequestBody ContainerSpec spec, @RequestParam(required = false) String node) {
    ContainerView created = view(containers.create(spec, node));
    return ResponseEntity.created(URI.create("/api/v1/containers/" + created.id())).body(created);
  }

  @GetMapping
  @Operation(summary = "Every container, newest first")
  List<ContainerView> list() {
    Set<String> up = nodes.all().stream().filter(NodeEntity::up).map(NodeEntity::name).collect(Collectors.toSet());
    return containers.list().stream()
        .sorted(Comparator.comparing(ContainerEntity::createdAt).reversed())
        .map(container -> ContainerView.of(container, up.contains(container.node())))
        .toList();
  }

  @GetMapping("/{ref}")
  ContainerView inspect(@PathVariable String ref) {
    return view(containers.get(ref));
  }

  @PostMapping("/{ref}/start")
  ContainerView start(@PathVariable String ref) {
    return view(containers.start(ref));
  }

  @PostMapping("/{ref}/stop")
  ContainerView stop(@PathVariable String ref, @RequestParam(required = false) Integer timeout) {
    return view(containers.stop(ref, timeout));
  }

  @PostMapping("/{ref}/restart")
  ContainerView restart(@PathVariable String ref, @RequestParam(required = false) Integer timeout) {
    return view(containers.restart(ref, timeout));
  }

  @PostMapping("/{ref}/kill")
  ContainerView kill(@PathVariable String ref, @RequestParam(required = false) String signal) {
    return view(containers.kill(ref, signal));
  }

  @PostMapping("/{ref}/pause")
  ContainerView pause(@PathVariable String ref) {
    return view(containers.pause(ref));
  }

  @PostMapping("/{ref}/unpause")
  ContainerView unpause(@PathVariable String ref) {
    return view(containers.unpause(ref));
  }

  @PostMapping("/{ref}/rename")
  ContainerView rename(@PathVariable String ref, @RequestParam String name) {
    return view(containers.rename(ref, name));
  }

  @PostMapping("/{ref}/update")
  @Operation(summary = "Change a container's resource limits (at once when it runs) or restart policy")
  ContainerView update(@PathVariable String ref, @RequestBody ContainerUpdate update) {
    return view(containers.update(ref, update));
  }

  @PostMapping("/{ref}/move")
  @Operation(summary = "Move a container to another node",
      description = "Stops it, recreates it on the node with the same ID, name and configuration, carries its file "
          + "changes over, removes it from the old node and starts it again if it was running.")
  ContainerView move(@PathVariable String ref, @RequestParam String node) {
    return view(containers.move(ref, node));
  }

  @PostMapping("/{ref}/wait")
  @Operation(summary = "Wait for a container", description = "condition: not-running (default), next-exit, removed.")
  WaitResult await(@PathVariable String ref, @RequestParam(required = false) String condition) {
    return containers.await(ref, condition);
  }

  @DeleteMapping("/{ref}")
  ResponseEntity<Void> remove(@PathVariable String ref, @RequestParam(defaultValue = "false") boolean force,
      @RequestParam(defaultValue = "false") boolean volumes) {
    containers.remove(ref, force, volumes);
    return ResponseEntity.noContent().build();
  }

  private ContainerView view(ContainerEntity container) {
    return ContainerView.of(container, nodes.find(container.node()).map(NodeEntity::up).orElse(false));
  }
}
