package dev.berth.node.event;

import dev.berth.node.NodeAgentProperties;
import dev.berth.node.api.NodeEvent;
import dev.berth.oci.OciJson;
import dev.berth.platform.BerthProperties;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The node's numbered events (containers, volumes, networks), appended to {@code <data-dir>/events.ndjson} (one JSON
 * line each; a line is in the page cache as soon as it is written, so it survives the agent being
 * killed) and kept in memory up to {@link #RETAINED}; the file is compacted to that many when it
 * grows past twice as many.
 */
@Component
public class EventLog {

  static final int RETAINED = 10_000;

  private final JsonMapper json = OciJson.mapper();
  private final Path file;
  private final String node;
  private final Clock clock;
  private final Deque<NodeEvent> events = new ArrayDeque<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition appended = lock.newCondition();
  private BufferedWriter writer;
  private long sequence;
  private int linesInFile;

  EventLog(BerthProperties berth, NodeAgentProperties properties, Clock clock) throws IOException {
    this.file = berth.dataDir().resolve("events.ndjson");
    this.node = nodeName(properties);
    this.clock = clock;
    Files.createDirectories(file.getParent());
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        try {
          remember(json.readValue(line, NodeEvent.class));
        } catch (tools.jackson.core.JacksonException e) {
          // a line cut short by a crash mid-write: the events before it stand
        }
        linesInFile++;
      }
    }
    writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /** This node's name: configured, or the host name. */
  public String node() {
    return node;
  }

  /** Records a container's state change and returns it with its sequence number. */
  public NodeEvent append(String containerId, String action, Integer exitCode) throws IOException {
    return append("container", action, containerId, exitCode, Map.of());
  }

  /** Records a volume's or a network's state change and returns it with its sequence number. */
  public NodeEvent append(String type, String action, String actorId, Map<String, String> attributes)
      throws IOException {
    return append(type, action, actorId, null, attributes);
  }

  private NodeEvent append(String type, String action, String actorId, Integer exitCode,
      Map<String, String> attributes) throws IOException {
    lock.lock();
    try {
      NodeEvent event = new NodeEvent(sequence + 1, node, type, action, actorId, exitCode, attributes,
          clock.instant());
      writer.write(json.writeValueAsString(event));
      writer.write('\n');
      writer.flush();
      linesInFile++;
      remember(event);
      if (linesInFile > 2 * RETAINED) {
        compact();
      }
      appended.signalAll();
      return event;
    } finally {
      lock.unlock();
    }
  }

  /** Events after {@code since}, oldest first, at most {@code limit}. */
  public List<NodeEvent> since(long since, int limit) {
    lock.lock();
    try {
      return events.stream().filter(event -> event.sequence() > since).limit(limit).toList();
    } finally {
      lock.unlock();
    }
  }

  /** Waits until there is an event after {@code since} or the timeout passes. */
  public void awaitAfter(long since, long timeoutMillis) throws InterruptedException {
    lock.lock();
    try {
      long nanos = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
      while (sequence <= since && nanos > 0) {
        nanos = appended.awaitNanos(nanos);
      }
    } finally {
      lock.unlock();
    }
  }

  private void remember(NodeEvent event) {
    events.addLast(event);
    sequence = Math.max(sequence, event.sequence());
    if (events.size() > RETAINED) {
      events.removeFirst();
    }
  }

  private void compact() throws IOException {
    writer.close();
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
      for (NodeEvent event : events) {
        out.write(json.writeValueAsString(event));
        out.write('\n');
      }
    }
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    linesInFile = events.size();
    writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  private static String nodeName(NodeAgentProperties properties) throws IOException {
    if (properties.name() != null && !properties.name().isBlank()) {
      return properties.name();
    }
    return InetAddress.getLocalHost().getHostName();
  }
}
