package dev.berth.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes a service's numbered reports (its events) to another service in order, as JSON arrays of
 * up to {@value #BATCH}; a 2xx answer acknowledges the batch, anything else is retried with a
 * backoff from one second up to thirty. Subclasses say what is pending, what an acknowledgement
 * does and how to wait for more; receivers apply each report once by its number, so a batch sent
 * again after a crash does no harm. Runs on a virtual thread while the application context does;
 * does nothing without a target.
 *
 * @param <T> the report record, serialized as JSON
 */
public abstract class ReportPusher<T> implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ReportPusher.class);
  protected static final int BATCH = 100;
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final URI target;
  private final Duration timeout;
  private final JsonMapper json;
  private final HttpClient http;
  private volatile boolean running;
  private Thread thread;

  /**
   * @param target where to POST the batches, or null to push nothing
   * @param timeout how long one POST may take
   * @param json the mapper that writes the reports
   */
  protected ReportPusher(URI target, Duration timeout, JsonMapper json) {
    this.target = target;
    this.timeout = timeout;
    this.json = json;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** Up to {@code limit} reports not acknowledged yet, oldest first. */
  protected abstract List<T> pending(int limit) throws IOException;

  /** Called once {@code batch} (as {@link #pending} returned it) was acknowledged. */
  protected abstract void acknowledged(List<T> batch) throws IOException;

  /** Waits until there may be new reports, at most {@code timeoutMillis}. */
  protected abstract void awaitMore(long timeoutMillis) throws InterruptedException;

  @Override
  public void start() {
    if (target != null && !target.toString().isBlank()) {
      running = true;
      thread = Thread.ofVirtual().name("report-pusher").start(this::run);
      log.info("Reporting events to {}", target);
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
      while (running) {
        List<T> batch = pendingOrNone();
        if (batch.isEmpty()) {
          awaitMore(60_000);
          continue;
        }
        if (send(batch)) {
          acknowledgedOrWarn(batch);
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

  private List<T> pendingOrNone() throws InterruptedException {
    try {
      return pending(BATCH);
    } catch (IOException | RuntimeException e) {
      log.warn("Reading pending reports failed ({}); retrying", e.toString());
      Thread.sleep(Duration.ofSeconds(1));
      return List.of();
    }
  }

  private void acknowledgedOrWarn(List<T> batch) {
    try {
      acknowledged(batch);
    } catch (IOException | RuntimeException e) {
      log.warn("Recording acknowledged reports failed ({}): they will be sent again", e.toString());
    }
  }

  private boolean send(List<T> batch) throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(target)
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(batch)))
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
}
