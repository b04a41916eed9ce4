package dev.berth.engine.container;

import dev.berth.engine.event.Events;
import dev.berth.engine.node.Nodes;
import dev.berth.node.api.ContainerEvent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What node agents report about their containers. Each report is numbered by its node and applied
 * once however often it arrives; the container's record then takes the state its node has now,
 * so reports arriving out of order cannot set an older state. A node that comes up again is asked
 * for all its containers.
 */
@Component
public class NodeReports {

  private static final Logger log = LoggerFactory.getLogger(NodeReports.class);
  /** Reported actions engine-service records itself when it asks for them. */
  private static final Set<String> RECORDED_BY_ENGINE = Set.of("destroy");

  private final JdbcTemplate jdbc;
  private final Containers containers;
  private final ContainerRepository repository;
  private final Nodes nodes;
  private final Events events;

  NodeReports(JdbcTemplate jdbc, Containers containers, ContainerRepository repository, Nodes nodes, Events events) {
    this.jdbc = jdbc;
    this.containers = containers;
    this.repository = repository;
    this.nodes = nodes;
    this.events = events;
  }

  /** Applies the events {@code node} reported; returns how many were new. */
  public int apply(String node, List<ContainerEvent> reported) {
    if (nodes.find(node).isEmpty()) {
      throw new EngineException.NotFound("No such node: " + node);
    }
    int applied = 0;
    for (ContainerEvent event : reported) {
      int inserted = jdbc.update("insert into node_report (node, sequence) values (?, ?) on conflict do nothing",
          node, event.sequence());
      if (inserted == 0) {
        continue;
      }
      applied++;
      containers.refresh(node, event.containerId());
      if (!RECORDED_BY_ENGINE.contains(event.type())) {
        repository.findById(event.containerId()).ifPresent(container -> {
          Map<String, String> attributes = containers.attributes(container);
          if (event.exitCode() != null) {
            attributes.put("exitCode", event.exitCode().toString());
          }
          events.record("container", event.type(), container.id(), attributes);
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
