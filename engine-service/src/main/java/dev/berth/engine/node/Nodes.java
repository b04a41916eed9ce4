package dev.berth.engine.node;

import dev.berth.engine.EngineProperties;
import dev.berth.node.api.NodeAgentClient;
import dev.berth.node.api.NodeInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * The node agents: configured ones are registered at startup, others register through the API;
 * each is asked for its state every heartbeat interval. A node that comes up (again) is announced
 * with a {@link NodeUp} event, so that its containers' records are reconciled with what it runs.
 */
@Component
public class Nodes {

  private static final Logger log = LoggerFactory.getLogger(Nodes.class);

  private final NodeRepository repository;
  private final EngineProperties properties;
  private final Clock clock;
  private final ApplicationEventPublisher publisher;
  private final TransactionTemplate transactions;
  private final HttpClient http;
  private final Map<String, NodeAgentClient> clients = new ConcurrentHashMap<>();

  Nodes(NodeRepository repository, EngineProperties properties, Clock clock, ApplicationEventPublisher publisher,
      TransactionTemplate transactions) {
    this.repository = repository;
    this.properties = properties;
    this.clock = clock;
    this.publisher = publisher;
    this.transactions = transactions;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(java.time.Duration.ofSeconds(5)).build();
  }

  /** A node that answered after being down or unknown. */
  public record NodeUp(String name) {
  }

  @EventListener(ApplicationReadyEvent.class)
  void registerConfigured() {
    properties.nodes().forEach(this::register);
  }

  /** Adds the node, or moves it to a new address; asks it for its state right away. */
  public NodeEntity register(String name, URI address) {
    if (name == null || !name.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}")) {
      throw new IllegalArgumentException("node name must match [a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}: " + name);
    }
    if (address == null || !"http".equals(address.getScheme()) && !"https".equals(address.getScheme())) {
      throw new IllegalArgumentException("node address must be an http(s) URL: " + address);
    }
    transactions.executeWithoutResult(status -> {
      NodeEntity node = repository.findById(name).orElseGet(() -> new NodeEntity(name, address.toString(),
          clock.instant()));
      node.moveTo(address.toString());
      repository.save(node);
    });
    clients.remove(name);
    heartbeat(name);
    return repository.findById(name).orElseThrow();
  }

  public List<NodeEntity> all() {
    return repository.findAll(org.springframework.data.domain.Sort.by("name"));
  }

  public Optional<NodeEntity> find(String name) {
    return repository.findById(name);
  }

  /** The typed client of a node's agent. */
  public NodeAgentClient client(String name) {
    return clients.computeIfAbsent(name, key -> {
      NodeEntity node = repository.findById(key).orElseThrow(() -> new IllegalArgumentException("no node " + key));
      JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
      requests.setReadTimeout(properties.requestTimeout());
      RestClient rest = RestClient.builder().baseUrl(node.address()).requestFactory(requests).build();
      return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(rest)).build()
          .createClient(NodeAgentClient.class);
    });
  }

  /**
   * Where a new container goes: the node named by {@code constraint} when given (it must be up),
   * else the healthy node with the fewest containers per CPU.
   */
  public NodeEntity place(String constraint, Map<String, Long> containersPerNode) {
    if (constraint != null && !constraint.isBlank()) {
      NodeEntity node = repository.findById(constraint)
          .orElseThrow(() -> new NoNodeException("no node named " + constraint));
      if (!node.up()) {
        throw new NoNodeException("node " + constraint + " is down");
      }
      return node;
    }
    return all().stream().filter(NodeEntity::up)
        .min(Comparator.comparingDouble((NodeEntity node) -> (double) containersPerNode.getOrDefault(node.name(), 0L)
            / Math.max(1, node.cpus())).thenComparing(NodeEntity::name))
        .orElseThrow(() -> new NoNodeException("no node is up to run containers"));
  }

  @Scheduled(fixedDelayString = "${berth.engine.heartbeat-interval:5s}")
  void heartbeats() {
    for (NodeEntity node : all()) {
      heartbeat(node.name());
    }
  }

  private void heartbeat(String name) {
    NodeInfo info;
    try {
      info = client(name).node();
    } catch (RestClientException | IllegalArgumentException e) {
      boolean wentDown = Boolean.TRUE.equals(transactions.execute(status -> repository.findById(name)
          .map(node -> node.missed(properties.downAfter())).orElse(false)));
      if (wentDown) {
        log.warn("Node {} stopped answering ({}): marked down", name, e.getMessage());
      }
      return;
    }
    boolean cameUp = Boolean.TRUE.equals(transactions.execute(status -> repository.findById(name).map(node -> {
      boolean wasUp = node.up();
      node.answered(info.cpus(), info.memoryBytes(), info.kernelVersion(), info.operatingSystem(), info.runtime(),
          clock.instant());
      return !wasUp;
    }).orElse(false)));
    if (cameUp) {
      log.info("Node {} is up ({} CPUs, {} containers)", name, info.cpus(), info.containers());
      publisher.publishEvent(new NodeUp(name));
    }
  }
}
