package dev.berth.engine.container;

import dev.berth.engine.event.Events;
import dev.berth.engine.event.Reports;
import dev.berth.engine.node.Nodes;
import dev.berth.node.api.NodeEvent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What node agents report about their containers, volumes and networks. Each report is numbered by its node and applied
 * once however often it arrives; the container's record then takes the state its node has now,
 * so reports arriving out of order cannot set an older state. A node that comes up again is asked
 * for all its containers.
 */
@Component
public class NodeReports {

  private static final Logger log = LoggerFactory.getLogger(NodeReports.class);
  /** Reported actions engine-service records itself when it asks for them. */
  private static final Set<String> RECORDED_BY_ENGINE = Set.of("destroy");

  private final Reports reports;
  private final Containers containers;
  private final ContainerRepository repository;
  private final Nodes nodes;
  private final Events events;

  NodeReports(Reports reports, Containers containers, ContainerRepository repository, Nodes nodes, Events events) {
    this.reports = reports;
    this.containers = containers;
    this.repository = repository;
    this.nodes = nodes;
    this.events = events;
  }

  /** Applies the events {@code node} reported; returns how many were new. */
  public int apply(String node, List<NodeEvent> reported) {
    if (nodes.find(node).isEmpty()) {
      throw new EngineException.NotFound("No such node: " + node);
    }
    for (NodeEvent event : reported) {
      if (!Reports.complete(event.type(), event.action(), event.actorId())) {
        throw new EngineException.InvalidArgument("report " + event.sequence() + " of node " + node
            + ": needs a type, an action and an actorId");
      }
    }
    int applied = 0;
    for (NodeEvent event : reported) {
      if (!reports.firstArrival("node/" + node, event.sequence())) {
        continue;
      }
      applied++;
      if (!event.aboutContainer()) {
        events.record(event.type(), event.action(), event.actorId(), event.attributes(), event.time());
        continue;
      }
      containers.refresh(node, event.actorId());
      if (!RECORDED_BY_ENGINE.contains(event.action())) {
        repository.findById(event.actorId()).ifPresent(container -> {
          Map<String, String> attributes = containers.attributes(container);
          if (event.exitCode() != null) {
            attributes.put("exitCode", event.exitCode().toString());
          }
          events.record("container", event.action(), container.id(), attributes, event.time());
        });
      }
    }
    return applied;
  }

  /** Takes the state of every container of a node that came up (again) from the node itself. */
  @EventListener
  void reconcile(Nodes.NodeUp up) {
    try {
      List<ContainerEntity> held = repository.findByNode(up.name());
      for (ContainerEntity container : held) {
        containers.refresh(up.name(), container.id());
      }
      log.info("Reconciled the {} containers of node {}", held.size(), up.name());
    } catch (RuntimeException e) {
      log.warn("Reconciling node {} failed: {}", up.name(), e.toString());
    }
  }
}
