package dev.berth.engine.api;

import dev.berth.engine.container.NodeReports;
import dev.berth.engine.node.NodeEntity;
import dev.berth.engine.node.Nodes;
import dev.berth.node.api.NodeEvent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The node agents, their registration and their reports. */
@RestController
@RequestMapping("/api/v1/nodes")
@Tag(name = "nodes")
class NodeController {

  private final Nodes nodes;
  private final NodeReports reports;

  NodeController(Nodes nodes, NodeReports reports) {
    this.nodes = nodes;
    this.reports = reports;
  }

  /**
   * A node as the API shows it.
   *
   * @param name its name
   * @param address its agent's API base URL
   * @param state {@code up} or {@code down}
   * @param cpus CPUs
   * @param memoryBytes memory
   * @param kernelVersion kernel release
   * @param operatingSystem host OS
   * @param runtime the OCI runtime it uses
   * @param lastSeenAt when its agent last answered
   */
  record NodeView(String name, String address, String state, int cpus, long memoryBytes, String kernelVersion,
      String operatingSystem, String runtime, Instant lastSeenAt) {

    static NodeView of(NodeEntity node) {
      return new NodeView(node.name(), node.address(), node.state(), node.cpus(), node.memoryBytes(),
          node.kernelVersion(), node.operatingSystem(), node.runtime(), node.lastSeenAt());
    }
  }

  /**
   * A node agent announcing itself.
   *
   * @param name the node's name
   * @param address its agent's API base URL, e.g. http://10.0.0.5:8083
   */
  record Registration(String name, URI address) {
  }

  @GetMapping
  List<NodeView> list() {
    return nodes.all().stream().map(NodeView::of).toList();
  }

  @GetMapping("/{name}")
  NodeView get(@PathVariable String name) {
    return nodes.find(name).map(NodeView::of)
        .orElseThrow(() -> new dev.berth.engine.container.EngineException.NotFound("No such node: " + name));
  }

  @PostMapping
  @Operation(summary = "Register a node agent (or move it to a new address)")
  NodeView register(@RequestBody Registration registration) {
    return NodeView.of(nodes.register(registration.name(), registration.address()));
  }

  @PostMapping("/{name}/events")
  @Operation(summary = "A node agent's report of container state changes",
      description = "A JSON array of its numbered events; each is applied once however often it is sent. Point "
          + "the agent's berth.node.report-url here.")
  Map<String, Integer> report(@PathVariable String name, @RequestBody List<NodeEvent> events) {
    return Map.of("applied", reports.apply(name, events));
  }
}
