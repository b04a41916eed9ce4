package dev.berth.engine.container;

import dev.berth.engine.event.Events;
import dev.berth.engine.node.NodeEntity;
import dev.berth.engine.node.Nodes;
import dev.berth.node.api.ContainerSpec;
import dev.berth.node.api.ContainerStatus;
import dev.berth.node.api.ContainerUpdate;
import dev.berth.node.api.WaitResult;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The containers' lifecycle as engine-service drives it: each operation is carried out by the
 * container's node agent, and the record takes the state the agent answers with. No database
 * transaction is held while a node works.
 */
@Component
public class Containers {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int WRITE_ATTEMPTS = 5;

  private final ContainerRepository repository;
  private final Nodes nodes;
  private final ImageResolver images;
  private final Events events;
  private final Clock clock;
  private final TransactionTemplate transactions;
  private final ChangeTransfer changes;

  Containers(ContainerRepository repository, Nodes nodes, ImageResolver images, Events events, Clock clock,
      TransactionTemplate transactions, ChangeTransfer changes) {
    this.repository = repository;
    this.nodes = nodes;
    this.images = images;
    this.events = events;
    this.clock = clock;
    this.transactions = transactions;
    this.changes = changes;
  }

  /**
   * Creates a container from {@code requested}, whose {@code image} is a reference as users write
   * it (resolved here through image-service) and whose ID is chosen here; {@code node} names the
   * node to place it on, or null for the least loaded one.
   */
  public ContainerEntity create(ContainerSpec requested, String node) {
    return create(requested, node, null);
  }

  /**
   * Creates a container as {@link #create(ContainerSpec, String)} does, keeping {@code dockerConfig}
   * (the Docker Engine API create body as JSON, or null) with its record.
   */
  public ContainerEntity create(ContainerSpec requested, String node, String dockerConfig) {
    ImageResolver.ResolvedImage image = images.resolve(requested.image());
    String name = requested.name() == null || requested.name().isBlank()
        ? ContainerNames.generate(candidate -> repository.findByName(candidate).isPresent())
        : ContainerNames.valid(requested.name());
    NodeEntity target = nodes.place(node, containersPerNode());
    ContainerSpec spec = new ContainerSpec(newId(), name, image.manifestDigest(), requested.entrypoint(),
        requested.cmd(), requested.env(), requested.workingDir(), requested.user(), requested.hostname(),
        requested.domainname(), requested.tty(), requested.openStdin(), requested.stopSignal(),
        requested.stopTimeout(), requested.labels(), requested.host());
    ContainerEntity record = new ContainerEntity(spec, target.name(), requested.image(), image.id(), clock.instant());
    record.dockerConfig(dockerConfig);
    reserve(record);
    ContainerStatus status;
    try {
      status = NodeCalls.call(target.name(), () -> nodes.client(target.name()).create(spec));
    } catch (RuntimeException e) {
      transactions.executeWithoutResult(tx -> repository.deleteById(spec.id()));
      throw e;
    }
    return applyStatus(spec.id(), status);
  }

  /** The container {@code reference} names: its full ID, its name, or a unique prefix of its ID. */
  public ContainerEntity get(String reference) {
    String bare = reference.startsWith("/") ? reference.substring(1) : reference;
    Optional<ContainerEntity> exact = repository.findById(bare).or(() -> repository.findByName(bare));
    if (exact.isPresent()) {
      return exact.get();
    }
    if (bare.matches("[0-9a-f]{1,63}")) {
      List<ContainerEntity> matches = repository.findByIdPrefix(bare);
      if (matches.size() == 1) {
        return matches.getFirst();
      }
      if (matches.size() > 1) {
        throw new EngineException.NotFound("No such container: " + reference + " (more than one container matches)");
      }
    }
    throw new EngineException.NotFound("No such container: " + reference);
  }

  public List<ContainerEntity> list() {
    return repository.findAll();
  }

  public ContainerEntity start(String reference) {
    ContainerEntity container = get(reference);
    return applyStatus(container.id(), call(container, client -> client.start(container.id())));
  }

  public ContainerEntity stop(String reference, Integer timeout) {
    ContainerEntity container = get(reference);
    return applyStatus(container.id(), call(container, client -> client.stop(container.id(), timeout)));
  }

  public ContainerEntity restart(String reference, Integer timeout) {
    ContainerEntity container = get(reference);
    return applyStatus(container.id(), call(container, client -> client.restart(container.id(), timeout)));
  }

  public ContainerEntity kill(String reference, String signal) {
    ContainerEntity container = get(reference);
    return applyStatus(container.id(), call(container, client -> client.kill(container.id(), signal)));
  }

  public ContainerEntity pause(String reference) {
    ContainerEntity container = get(reference);
    return applyStatus(container.id(), call(container, client -> client.pause(container.id())));
  }

  public ContainerEntity unpause(String reference) {
    ContainerEntity container = get(reference);
    return applyStatus(container.id(), call(container, client -> client.unpause(container.id())));
  }

  /** Changes a container's limits (at once when it runs) or restart policy, on its node and in its record. */
  public ContainerEntity update(String reference, ContainerUpdate update) {
    ContainerEntity container = get(reference);
    ContainerStatus status = call(container, client -> client.update(container.id(), update));
    modify(container.id(), current -> current.host(status.spec().host()));
    ContainerEntity updated = applyStatus(container.id(), status);
    events.record("container", "update", updated.id(), attributes(updated));
    return updated;
  }

  /** Waits on the container's node for {@code condition} (not-running, next-exit, removed). */
  public WaitResult await(String reference, String condition) {
    ContainerEntity container = get(reference);
    return call(container, client -> client.await(container.id(), condition));
  }

  /** Removes the container from its node and its record; {@code force} kills it first, {@code volumes} drops its anonymous volumes. */
  public void remove(String reference, boolean force, boolean volumes) {
    ContainerEntity container = get(reference);
    try {
      NodeCalls.run(container.node(), () -> nodes.client(container.node()).remove(container.id(), force, volumes));
    } catch (EngineException.NotFound gone) {
      // the node no longer has it (removed there, e.g. by --rm): only the record is left
    }
    forget(container);
  }

  public ContainerEntity rename(String reference, String newName) {
    ContainerEntity container = get(reference);
    String name = ContainerNames.valid(newName);
    repository.findByName(name).filter(other -> !other.id().equals(container.id())).ifPresent(other -> {
      throw new EngineException.Conflict(nameInUse(name, other.id()));
    });
    String oldName = container.name();
    ContainerEntity renamed = modify(container.id(), current -> current.rename(name));
    Map<String, String> attributes = attributes(renamed);
    attributes.put("oldName", "/" + oldName);
    events.record("container", "rename", renamed.id(), attributes);
    return renamed;
  }

  /**
   * Moves a container to another node, keeping its ID, name, configuration and written files: it is
   * stopped, created on the target from the same spec, its changes are carried over as a layer, the
   * record points at the target, the source's copy is removed, and it is started again if it ran.
   * Anonymous volumes stay behind on the source node.
   */
  public ContainerEntity move(String reference, String node) {
    ContainerEntity container = get(reference);
    NodeEntity target = nodes.find(node).orElseThrow(() -> new EngineException.NotFound("No such node: " + node));
    if (target.name().equals(container.node())) {
      throw new EngineException.NotModified("container " + container.id() + " is on node " + node + " already");
    }
    if (!target.up()) {
      throw new EngineException.Conflict("node " + node + " is down");
    }
    String source = container.node();
    String sourceAddress = nodes.find(source).orElseThrow().address();
    boolean wasRunning = container.state().equals("running") || container.state().equals("paused")
        || container.state().equals("restarting");
    if (wasRunning) {
      applyStatus(container.id(), call(container, client -> client.stop(container.id(), null)));
    }
    ContainerSpec spec = container.spec();
    NodeCalls.call(target.name(), () -> nodes.client(target.name()).create(spec));
    try {
      changes.copy(container.id(), sourceAddress, target.address());
    } catch (RuntimeException e) {
      NodeCalls.run(target.name(), () -> nodes.client(target.name()).remove(container.id(), true, true));
      throw e;
    }
    modify(container.id(), current -> current.moveTo(target.name()));
    NodeCalls.run(source, () -> nodes.client(source).remove(container.id(), true, false));
    ContainerStatus arrived = NodeCalls.call(target.name(), () -> wasRunning
        ? nodes.client(target.name()).start(container.id())
        : nodes.client(target.name()).inspect(container.id()));
    ContainerEntity moved = applyStatus(container.id(), arrived);
    Map<String, String> attributes = attributes(moved);
    attributes.put("from", source);
    attributes.put("node", target.name());
    events.record("container", "move", moved.id(), attributes);
    return moved;
  }

  /** Takes the state a node reported for one of its containers; the node's own removal drops the record. */
  void refresh(String nodeName, String id) {
    repository.findById(id).filter(container -> container.node().equals(nodeName)).ifPresent(container -> {
      try {
        applyStatus(id, NodeCalls.call(nodeName, () -> nodes.client(nodeName).inspect(id)));
      } catch (EngineException.NotFound gone) {
        forget(container);
      }
    });
  }

  /** Docker's event attributes of a container: its name, image and labels. */
  Map<String, String> attributes(ContainerEntity container) {
    Map<String, String> attributes = new LinkedHashMap<>();
    Map<String, String> labels = container.spec().labels();
    if (labels != null) {
      attributes.putAll(labels);
    }
    attributes.put("image", container.image());
    attributes.put("name", container.name());
    return attributes;
  }

  /** Drops the record and records its destroy event, once, however many callers find the container gone. */
  private void forget(ContainerEntity container) {
    Map<String, String> attributes = attributes(container);
    Integer deleted = transactions.execute(tx -> repository.deleteRecord(container.id()));
    if (deleted != null && deleted > 0) {
      events.record("container", "destroy", container.id(), attributes);
    }
  }

  private <T> T call(ContainerEntity container, java.util.function.Function<dev.berth.node.api.NodeAgentClient, T> call) {
    return NodeCalls.call(container.node(), () -> call.apply(nodes.client(container.node())));
  }

  /**
   * Saves the state a node answered with. When another update got there first (optimistic lock),
   * the node is asked again, so that the record never goes back to an older state.
   */
  private ContainerEntity applyStatus(String id, ContainerStatus status) {
    if (status == null) {
      // the typed client answers a node's 304 (already started, already stopped) with no body
      throw new EngineException.NotModified("container " + id + " is already in that state");
    }
    AtomicReference<ContainerStatus> latest = new AtomicReference<>(status);
    return modify(id, container -> container.apply(latest.get()), () -> {
      String node = repository.findById(id).map(ContainerEntity::node)
          .orElseThrow(() -> new EngineException.NotFound("No such container: " + id));
      latest.set(NodeCalls.call(node, () -> nodes.client(node).inspect(id)));
    });
  }

  /**
   * Changes the record of container {@code id} in a transaction of its own; when a node report
   * changed the record meanwhile (its version moved on), reads it again and applies the change anew.
   */
  private ContainerEntity modify(String id, Consumer<ContainerEntity> change) {
    return modify(id, change, () -> { });
  }

  /** {@link #modify(String, Consumer)}, running {@code beforeRetry} before each new attempt. */
  private ContainerEntity modify(String id, Consumer<ContainerEntity> change, Runnable beforeRetry) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transactions.execute(tx -> {
          ContainerEntity current = repository.findById(id)
              .orElseThrow(() -> new EngineException.NotFound("No such container: " + id));
          change.accept(current);
          return repository.saveAndFlush(current);
        });
      } catch (OptimisticLockingFailureException e) {
        if (attempt == WRITE_ATTEMPTS) {
          throw e;
        }
        beforeRetry.run();
      }
    }
  }

  private void reserve(ContainerEntity container) {
    try {
      transactions.executeWithoutResult(tx -> repository.saveAndFlush(container));
    } catch (DataIntegrityViolationException e) {
      String other = repository.findByName(container.name()).map(ContainerEntity::id).orElse("");
      throw new EngineException.Conflict(nameInUse(container.name(), other));
    }
  }

  private Map<String, Long> containersPerNode() {
    Map<String, Long> counts = new HashMap<>();
    for (Object[] row : repository.countByNode()) {
      counts.put((String) row[0], (Long) row[1]);
    }
    return counts;
  }

  private static String nameInUse(String name, String otherId) {
    return "Conflict. The container name \"/" + name + "\" is already in use by container \"" + otherId
        + "\". You have to remove (or rename) that container to be able to reuse that name.";
  }

  private static String newId() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
