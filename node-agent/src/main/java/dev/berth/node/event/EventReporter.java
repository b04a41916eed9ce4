package dev.berth.node.event;

import dev.berth.node.NodeAgentProperties;
import dev.berth.node.api.ContainerEvent;
import dev.berth.oci.OciJson;
import dev.berth.platform.BerthProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Pushes events to {@code berth.node.report-url} (by default engine-service's report endpoint for
 * this node) in order, as JSON arrays of up to {@value #BATCH}
 * events; a 2xx answer acknowledges the batch, anything else is retried with a backoff from one
 * second up to thirty. The last acknowledged sequence number is kept in
 * {@code <data-dir>/events.acked}, so nothing is lost or sent twice across agent restarts (a batch
 * in flight when the agent dies is sent again: receivers apply events by sequence number).
 */
@Component
class EventReporter implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(EventReporter.class);
  static final int BATCH = 100;
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final EventLog events;
  private final URI target;
  private final Path ackFile;
  private final HttpClient http;
  private final Duration timeout;
  private volatile boolean running;
  private Thread thread;

  EventReporter(EventLog events, NodeAgentProperties properties, BerthProperties berth) {
    this.events = events;
    this.target = properties.reportUrl() != null || properties.engine() == null ? properties.reportUrl()
        : URI.create(properties.engine().toString().replaceAll("/+$", "") + "/api/v1/nodes/" + events.node()
            + "/events");
    this.ackFile = berth.dataDir().resolve("events.acked");
    this.timeout = properties.requestTimeout();
    this.http = HttpClient.newBuilder().connectTimeout(properties.requestTimeout()).build();
  }

  @Override
  public void start() {
    if (target != null && !target.toString().isBlank()) {
      running = true;
      thread = Thread.ofVirtual().name("event-reporter").start(this::run);
      log.info("Reporting container events to {}", target);
    }
  }

  @Override
  public void stop() {
    running = false;
    if (thread != null) {
      thread.interrupt();
      thread = null;
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void run() {
    Duration backoff = Duration.ofSeconds(1);
    try {
      long acked = readAcked();
      while (running) {
        List<ContainerEvent> batch = events.since(acked, BATCH);
        if (batch.isEmpty()) {
          events.awaitAfter(acked, 60_000);
          continue;
        }
        if (send(batch)) {
          acked = batch.getLast().sequence();
          writeAcked(acked);
          backoff = Duration.ofSeconds(1);
        } else {
          Thread.sleep(backoff);
          backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean send(List<ContainerEvent> batch) throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(target)
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(OciJson.mapper().writeValueAsBytes(batch)))
        .build();
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status / 100 == 2) {
        return true;
      }
      log.warn("Reporting events to {} answered {}; retrying", target, status);
    } catch (IOException e) {
      log.warn("Reporting events to {} failed ({}); retrying", target, e.toString());
    }
    return false;
  }

  private long readAcked() {
    try {
      return Files.exists(ackFile) ? Long.parseLong(Files.readString(ackFile).strip()) : 0;
    } catch (IOException | NumberFormatException e) {
      log.warn("Unreadable {} ({}): reporting every retained event again", ackFile, e.toString());
      return 0;
    }
  }

  private void writeAcked(long sequence) {
    try {
      Path temp = ackFile.resolveSibling("events.acked.tmp");
      Files.writeString(temp, Long.toString(sequence));
      Files.move(temp, ackFile, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      log.warn("Could not record acknowledged events in {}: {}", ackFile, e.toString());
    }
  }
}
