package dev.berth.engine.container;

import dev.berth.engine.node.Nodes;
import dev.berth.node.api.ContainerStats;
import dev.berth.node.api.LogEntry;
import dev.berth.node.api.TopResult;
import dev.berth.node.api.WaitResult;
import dev.berth.oci.OciJson;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectReader;

/**
 * What a container writes and does, read from its node agent: logs (followed as long as it runs),
 * its stdio attached, its terminal size, processes, resource usage (once or streamed), and waiting
 * for it to exit or be removed. Streams are passed on entry by entry, never buffered whole.
 */
@Component
public class ContainerIo {

  private static final ObjectReader LOG_ENTRIES = OciJson.mapper().readerFor(LogEntry.class);
  private static final ObjectReader STATS = OciJson.mapper().readerFor(ContainerStats.class);
  private static final ObjectReader WAIT_RESULT = OciJson.mapper().readerFor(WaitResult.class);

  private final Nodes nodes;
  private final NodeStreams streams;

  ContainerIo(Nodes nodes, NodeStreams streams) {
    this.nodes = nodes;
    this.streams = streams;
  }

  /**
   * Which log entries to read.
   *
   * @param since entries written at or after this time, or all
   * @param until entries written before this time, or all
   * @param tail only the last this many lines; negative for all
   * @param stdout include stdout
   * @param stderr include stderr
   * @param follow keep reading until the container stops
   */
  public record LogRequest(Instant since, Instant until, int tail, boolean stdout, boolean stderr, boolean follow) {
  }

  /** Receives what a stream yields; may fail when its client went away, which ends the stream. */
  @FunctionalInterface
  public interface Sink<T> {
    void accept(T item) throws IOException;
  }

  /** Passes the container's log entries to {@code sink}, oldest first. */
  public void logs(ContainerEntity container, LogRequest request, Sink<LogEntry> sink)
      throws IOException, InterruptedException {
    UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/v1/containers/{id}/logs")
        .queryParam("stdout", request.stdout()).queryParam("stderr", request.stderr())
        .queryParam("follow", request.follow()).uriVariables(Map.of("id", container.id()));
    if (request.since() != null) {
      uri.queryParam("since", request.since().toString());
    }
    if (request.until() != null) {
      uri.queryParam("until", request.until().toString());
    }
    if (request.tail() >= 0) {
      uri.queryParam("tail", request.tail());
    }
    try (InputStream body = streams.open(container.node(), "GET", uri);
        MappingIterator<LogEntry> entries = LOG_ENTRIES.readValues(body)) {
      while (entries.hasNextValue()) {
        sink.accept(entries.nextValue());
      }
    }
  }

  /** The container's processes as {@code ps} with {@code psArgs} shows them. */
  public TopResult top(ContainerEntity container, String psArgs) {
    return NodeCalls.call(container.node(), () -> nodes.client(container.node()).top(container.id(), psArgs));
  }

  /** One reading of the container's resource usage. */
  public ContainerStats stats(ContainerEntity container) {
    return NodeCalls.call(container.node(), () -> nodes.client(container.node()).stats(container.id()));
  }

  /** A reading of the container's resource usage every second, as long as it runs. */
  public void streamStats(ContainerEntity container, Sink<ContainerStats> sink)
      throws IOException, InterruptedException {
    UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/v1/containers/{id}/stats")
        .queryParam("stream", true).uriVariables(Map.of("id", container.id()));
    try (InputStream body = streams.open(container.node(), "GET", uri);
        MappingIterator<ContainerStats> readings = STATS.readValues(body)) {
      while (readings.hasNextValue()) {
        sink.accept(readings.nextValue());
      }
    }
  }

  /**
   * Attaches to the container's stdio on its node: to its current run, or to its next one before it
   * starts (as {@code docker run} attaches before it starts). The connection carries the output as
   * Docker's multiplexed frames, or raw with a terminal, until the container exits; with
   * {@code stdin} what is sent on it is the container's stdin.
   */
  public NodeConnection attach(ContainerEntity container, boolean stdin, boolean stdout, boolean stderr) {
    UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/v1/containers/{id}/attach")
        .queryParam("stdin", stdin).queryParam("stdout", stdout).queryParam("stderr", stderr)
        .uriVariables(Map.of("id", container.id()));
    return streams.upgrade(container.node(), uri);
  }

  /** Sets the terminal size of the running container; 409 when it does not run. */
  public void resize(ContainerEntity container, int height, int width) {
    NodeCalls.run(container.node(), () -> nodes.client(container.node()).resize(container.id(), height, width));
  }

  /**
   * Waits, however long it takes, for {@code condition}: {@code not-running} (at once when it is
   * not running), {@code next-exit} or {@code removed}.
   */
  public WaitResult await(ContainerEntity container, String condition) throws IOException, InterruptedException {
    UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/v1/containers/{id}/wait")
        .uriVariables(Map.of("id", container.id()));
    if (condition != null) {
      uri.queryParam("condition", condition);
    }
    try (InputStream body = streams.open(container.node(), "POST", uri)) {
      return WAIT_RESULT.readValue(body);
    }
  }
}
