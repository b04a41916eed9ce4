package dev.berth.node.web;

import dev.berth.node.api.ContainerStats;
import dev.berth.node.api.LogEntry;
import dev.berth.node.api.TopResult;
import dev.berth.node.container.ContainerException;
import dev.berth.node.container.ContainerProcesses;
import dev.berth.node.container.ContainerStore;
import dev.berth.node.container.Containers;
import dev.berth.node.logs.ConmonLog;
import dev.berth.node.logs.ContainerLogs;
import dev.berth.node.logs.LogQuery;
import dev.berth.node.snapshot.Change;
import dev.berth.node.snapshot.DiffWriter;
import dev.berth.oci.OciJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/** What a container writes and does: logs, processes, resource usage, filesystem changes. */
@RestController
@RequestMapping("/api/v1/containers/{id}")
@Tag(name = "containers")
class ContainerIoController {

  private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
  private static final Duration STATS_INTERVAL = Duration.ofSeconds(1);

  private final ContainerStore store;
  private final Containers containers;
  private final ContainerLogs logs;
  private final ContainerProcesses processes;
  private final DiffWriter diffs;
  private final JsonMapper json = OciJson.mapper();

  ContainerIoController(ContainerStore store, Containers containers, ContainerLogs logs, ContainerProcesses processes,
      DiffWriter diffs) {
    this.store = store;
    this.containers = containers;
    this.logs = logs;
    this.processes = processes;
    this.diffs = diffs;
  }

  @GetMapping("/logs")
  @Operation(summary = "A container's log",
      description = "since and until are RFC 3339 times or Unix seconds; tail a number of lines or all. Without follow "
          + "the answer is a JSON array; with follow=true it is NDJSON, one entry per line, until the container stops.")
  List<LogEntry> logs(@PathVariable String id, @RequestParam(required = false) String since,
      @RequestParam(required = false) String until, @RequestParam(required = false) String tail,
      @RequestParam(defaultValue = "true") boolean stdout, @RequestParam(defaultValue = "true") boolean stderr)
      throws IOException, InterruptedException {
    known(id);
    LogQuery query = new LogQuery(time(since, "since"), time(until, "until"), tail(tail), stdout, stderr, false);
    List<LogEntry> entries = new ArrayList<>();
    logs.read(ConmonLog.inBundle(store.log(id), store.bundle(id)), query, () -> true, entries::add);
    return entries;
  }

  /** Followed logs get their own mapping: a StreamingResponseBody is only streamed when the method declares it. */
  @GetMapping(value = "/logs", params = "follow=true")
  ResponseEntity<StreamingResponseBody> followLogs(@PathVariable String id,
      @RequestParam(required = false) String since, @RequestParam(required = false) String until,
      @RequestParam(required = false) String tail, @RequestParam(defaultValue = "true") boolean stdout,
      @RequestParam(defaultValue = "true") boolean stderr) {
    known(id);
    LogQuery query = new LogQuery(time(since, "since"), time(until, "until"), tail(tail), stdout, stderr, true);
    ConmonLog log = ConmonLog.inBundle(store.log(id), store.bundle(id));
    StreamingResponseBody body = out -> {
      try {
        logs.read(log, query, () -> !processes.running(id), entry -> writeLine(out, entry));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    return ResponseEntity.ok().contentType(NDJSON).body(body);
  }

  @GetMapping("/top")
  @Operation(summary = "The processes in a running container, as ps shows them (ps_args default -ef)")
  TopResult top(@PathVariable String id, @RequestParam(name = "ps_args", required = false) String psArgs) {
    return processes.top(id, psArgs);
  }

  @GetMapping("/stats")
  @Operation(summary = "Resource usage of a running container",
      description = "One reading as JSON, or with stream=true one NDJSON line per second while it runs.")
  ContainerStats stats(@PathVariable String id) {
    return processes.stats(id);
  }

  /** Streamed stats get their own mapping: a StreamingResponseBody is only streamed when the method declares it. */
  @GetMapping(value = "/stats", params = "stream=true")
  ResponseEntity<StreamingResponseBody> streamStats(@PathVariable String id) {
    ContainerStats first = processes.stats(id);
    StreamingResponseBody body = out -> {
      writeLine(out, first);
      try {
        while (processes.running(id)) {
          Thread.sleep(STATS_INTERVAL);
          writeLine(out, processes.stats(id));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ContainerException e) {
        // it stopped between the check and the reading: the stream ends
      }
    };
    return ResponseEntity.ok().contentType(NDJSON).body(body);
  }

  @GetMapping("/changes")
  @Operation(summary = "Files the container added (1), changed (0) or deleted (2), as docker diff shows them")
  List<Change> changes(@PathVariable String id) throws IOException {
    known(id);
    return diffs.changes(id);
  }

  @GetMapping(value = "/diff", produces = "application/x-tar")
  @Operation(summary = "The container's changes as an uncompressed tar layer with whiteouts (for commit and move)")
  ResponseEntity<StreamingResponseBody> diff(@PathVariable String id) {
    known(id);
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-tar"))
        .body(out -> diffs.write(id, out));
  }

  @PutMapping(value = "/diff", consumes = "application/x-tar")
  @Operation(summary = "Apply changes (an uncompressed tar layer, as GET /diff gives it) to a container that is not "
      + "running", description = "How a container moves to another node with its files.")
  ResponseEntity<Void> applyDiff(@PathVariable String id, HttpServletRequest request) throws IOException {
    containers.applyChanges(id, request.getInputStream());
    return ResponseEntity.noContent().build();
  }

  private void known(String id) {
    store.get(id);
  }

  private void writeLine(OutputStream out, Object value) {
    try {
      out.write(json.writeValueAsBytes(value));
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Instant time(String value, String name) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      if (value.matches("\\d+(\\.\\d+)?")) {
        String[] parts = value.split("\\.");
        long nanos = parts.length > 1 ? Long.parseLong((parts[1] + "000000000").substring(0, 9)) : 0;
        return Instant.ofEpochSecond(Long.parseLong(parts[0]), nanos);
      }
      return Instant.parse(value);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new ContainerException.InvalidArgument(name + " must be an RFC 3339 time or Unix seconds: " + value);
    }
  }

  private static int tail(String value) {
    if (value == null || value.isBlank() || value.equals("all")) {
      return -1;
    }
    try {
      int lines = Integer.parseInt(value);
      return lines < 0 ? -1 : lines;
    } catch (NumberFormatException e) {
      throw new ContainerException.InvalidArgument("tail must be a number or all: " + value);
    }
  }
}
