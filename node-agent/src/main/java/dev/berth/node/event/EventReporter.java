package dev.berth.node.event;

import dev.berth.node.NodeAgentProperties;
import dev.berth.node.api.NodeEvent;
import dev.berth.oci.OciJson;
import dev.berth.platform.BerthProperties;
import dev.berth.platform.ReportPusher;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Pushes the node's events to {@code berth.node.report-url} (by default engine-service's report
 * endpoint for this node). The last acknowledged sequence number is kept in
 * {@code <data-dir>/events.acked}, so nothing is lost or sent twice across agent restarts (a batch
 * in flight when the agent dies is sent again: receivers apply events by sequence number).
 */
@Component
class EventReporter extends ReportPusher<NodeEvent> {

  private static final Logger log = LoggerFactory.getLogger(EventReporter.class);

  private final EventLog events;
  private final Path ackFile;
  private volatile long acked;

  EventReporter(EventLog events, NodeAgentProperties properties, BerthProperties berth) {
    super(target(events, properties), properties.requestTimeout(), OciJson.mapper());
    this.events = events;
    this.ackFile = berth.dataDir().resolve("events.acked");
    this.acked = readAcked();
  }

  private static URI target(EventLog events, NodeAgentProperties properties) {
    return properties.reportUrl() != null || properties.engine() == null ? properties.reportUrl()
        : URI.create(properties.engine().toString().replaceAll("/+$", "") + "/api/v1/nodes/" + events.node()
            + "/events");
  }

  @Override
  protected List<NodeEvent> pending(int limit) {
    return events.since(acked, limit);
  }

  @Override
  protected void acknowledged(List<NodeEvent> batch) throws IOException {
    acked = batch.getLast().sequence();
    Path temp = ackFile.resolveSibling("events.acked.tmp");
    Files.writeString(temp, Long.toString(acked));
    Files.move(temp, ackFile, StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  protected void awaitMore(long timeoutMillis) throws InterruptedException {
    events.awaitAfter(acked, timeoutMillis);
  }

  private long readAcked() {
    try {
      return Files.exists(ackFile) ? Long.parseLong(Files.readString(ackFile).strip()) : 0;
    } catch (IOException | NumberFormatException e) {
      log.warn("Unreadable {} ({}): reporting every retained event again", ackFile, e.toString());
      return 0;
    }
  }
}
