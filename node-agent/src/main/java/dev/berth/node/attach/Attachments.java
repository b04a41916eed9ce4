package dev.berth.node.attach;

import dev.berth.node.container.ContainerException;
import dev.berth.node.container.ContainerRecord;
import dev.berth.node.container.ContainerStore;
import dev.berth.node.container.LaunchListener;
import dev.berth.node.runtime.ConmonAttach;
import dev.berth.node.runtime.ConmonControl;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Clients attached to containers' stdio through conmon's attach socket, and the terminal size of
 * containers. A client attaching to a container whose conmon runs is connected at once; one
 * attaching to a container that does not run (yet) waits for its next run and is connected after
 * conmon created the process and before it starts, so it misses none of the output — what
 * {@code docker run} does: create, attach, start.
 */
@Component
public class Attachments implements LaunchListener {

  private static final Logger log = LoggerFactory.getLogger(Attachments.class);

  private final ContainerStore store;
  /** Attachments waiting for their container's next run, by container ID; guarded by {@code this}. */
  private final Map<String, List<Attachment>> waiting = new HashMap<>();

  Attachments(ContainerStore store) {
    this.store = store;
  }

  /**
   * Which of a process's streams a client attaches to.
   *
   * @param stdin whether what the client sends is the process's stdin
   * @param stdout whether it receives stdout
   * @param stderr whether it receives stderr
   */
  public record Streams(boolean stdin, boolean stdout, boolean stderr) {
  }

  /** Attaches to container {@code id}'s current run, or to its next one; 404 when there is no such container. */
  public Attachment attach(String id, Streams streams) {
    ContainerRecord container = store.get(id);
    Attachment attachment = new Attachment(id, container.spec().tty(), streams, this);
    Path bundle = store.bundle(id);
    synchronized (this) {
      try {
        attachment.connected(ConmonAttach.connect(bundle));
      } catch (IOException notRunning) {
        waiting.computeIfAbsent(id, key -> new ArrayList<>()).add(attachment);
      }
    }
    return attachment;
  }

  @Override
  public synchronized void created(String id, Path bundle) {
    List<Attachment> attachments = waiting.remove(id);
    if (attachments == null) {
      return;
    }
    for (Attachment attachment : attachments) {
      try {
        attachment.connected(ConmonAttach.connect(bundle));
      } catch (IOException e) {
        log.warn("Cannot attach to container {}: {}", id, e.getMessage());
        attachment.failed(e);
      }
    }
  }

  /**
   * Sets the terminal size of container {@code id}'s process; 409 when it does not run. conmon
   * ignores the size of a process without a terminal.
   */
  public void resize(String id, int height, int width) {
    store.get(id);
    try {
      if (!ConmonControl.resize(ConmonControl.fifo(store.bundle(id)), height, width)) {
        throw new ContainerException.Conflict("Container " + id + " is not running");
      }
    } catch (IOException e) {
      throw new ContainerException.Failed("cannot resize the terminal of " + id + ": " + e.getMessage(), e);
    }
  }

  /** Whether container {@code id} still exists; an attachment waiting for a removed container ends. */
  boolean exists(String id) {
    return store.find(id).isPresent();
  }

  /** Forgets an attachment that stopped waiting. */
  synchronized void abandon(String id, Attachment attachment) {
    List<Attachment> attachments = waiting.get(id);
    if (attachments != null && attachments.remove(attachment) && attachments.isEmpty()) {
      waiting.remove(id);
    }
  }
}
