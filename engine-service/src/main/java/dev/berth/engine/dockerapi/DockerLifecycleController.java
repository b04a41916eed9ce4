package dev.berth.engine.dockerapi;

import dev.berth.engine.container.ContainerEntity;
import dev.berth.engine.container.ContainerIo;
import dev.berth.engine.container.ContainerStops;
import dev.berth.engine.container.Containers;
import dev.berth.engine.container.EngineException;
import dev.berth.node.api.HostOptions;
import dev.berth.node.api.WaitResult;
import dev.berth.oci.OciJson;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Docker's container lifecycle: start, stop, restart, kill, pause, unpause, rename, remove, wait
 * and prune, answered with dockerd's statuses (204 done, 304 nothing to do, 409 with Docker's
 * text when the state forbids it). See the reference's §3.9, §3.10, §3.22 and §3.23.
 */
@RestController
class DockerLifecycleController {

  private static final Set<String> WAIT_CONDITIONS = Set.of("not-running", "next-exit", "removed");
  private static final Set<String> PRUNABLE = Set.of("created", "exited", "dead");

  private final Containers containers;
  private final ContainerStops stops;
  private final ContainerIo io;
  private final Clock clock;

  DockerLifecycleController(Containers containers, ContainerStops stops, ContainerIo io, Clock clock) {
    this.containers = containers;
    this.stops = stops;
    this.io = io;
    this.clock = clock;
  }

  @PostMapping("/containers/{id}/start")
  ResponseEntity<Void> start(@PathVariable String id) {
    containers.start(id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/containers/{id}/stop")
  ResponseEntity<Void> stop(@PathVariable String id, @RequestParam(name = "t", required = false) Integer timeout,
      @RequestParam(required = false) String signal) throws InterruptedException {
    stops.stop(id, timeout, signal);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/containers/{id}/restart")
  ResponseEntity<Void> restart(@PathVariable String id,
      @RequestParam(name = "t", required = false) Integer timeout) {
    containers.restart(id, timeout);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/containers/{id}/kill")
  ResponseEntity<Void> kill(@PathVariable String id, @RequestParam(required = false) String signal) {
    try {
      containers.kill(id, signal);
    } catch (EngineException.Conflict notRunning) {
      throw new EngineException.Conflict("Cannot kill container: " + id + ": " + notRunning.getMessage());
    }
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/containers/{id}/pause")
  ResponseEntity<Void> pause(@PathVariable String id) {
    containers.pause(id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/containers/{id}/unpause")
  ResponseEntity<Void> unpause(@PathVariable String id) {
    containers.unpause(id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/containers/{id}/rename")
  ResponseEntity<Void> rename(@PathVariable String id, @RequestParam String name) {
    containers.rename(id, name);
    return ResponseEntity.noContent().build();
  }

  /** {@code docker update}: new limits, applied at once to a running container, or a new restart policy. */
  @PostMapping("/containers/{id}/update")
  Map<String, List<String>> update(@PathVariable String id, @RequestBody UpdateRequest update) {
    ContainerEntity container = containers.get(id);
    HostOptions host = container.spec().host();
    containers.update(container.id(), update.over(host == null ? null : host.resources()));
    return Map.of("Warnings", List.of());
  }

  @DeleteMapping("/containers/{id}")
  ResponseEntity<Void> remove(@PathVariable String id, @RequestParam(defaultValue = "false") boolean force,
      @RequestParam(name = "v", defaultValue = "false") boolean volumes) {
    containers.remove(id, force, volumes);
    return ResponseEntity.noContent().build();
  }

  /**
   * Answers 200 with its headers at once — {@code docker run} sends its start only once it has them
   * — and the exit code when the condition is met; a client that goes away is let go.
   */
  @PostMapping("/containers/{id}/wait")
  ResponseEntity<StreamingResponseBody> await(@PathVariable String id,
      @RequestParam(required = false) String condition) {
    String when = condition == null || condition.isBlank() ? "not-running" : condition;
    if (!WAIT_CONDITIONS.contains(when)) {
      throw new EngineException.InvalidArgument("invalid condition: \"" + condition + "\"");
    }
    ContainerEntity container = containers.get(id);
    StreamingResponseBody body = out -> {
      out.flush();
      WaitResponse response;
      try {
        WaitResult result = io.await(container, when);
        response = new WaitResponse(result.exitCode(), null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for " + container.id(), e);
      } catch (EngineException e) {
        response = new WaitResponse(-1, new WaitResponse.WaitError(e.getMessage()));
      }
      out.write(OciJson.mapper().writeValueAsBytes(response));
      out.write('\n');
      out.flush();
    };
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
  }

  /** Removes every container that is not running (nor paused), optionally only those filtered by label and creation time. */
  @PostMapping("/containers/prune")
  PruneResponse prune(@RequestParam(required = false) String filters) {
    Filters filter = Filters.parse(filters);
    Instant until = filter.get("until").stream().map(this::untilTime).min(Instant::compareTo).orElse(null);
    List<String> deleted = new ArrayList<>();
    for (ContainerEntity container : containers.list()) {
      if (PRUNABLE.contains(container.state()) && filter.labelsMatch(container.spec().labels())
          && (until == null || container.createdAt().isBefore(until))) {
        try {
          containers.remove(container.id(), false, false);
          deleted.add(container.id());
        } catch (EngineException.Conflict | EngineException.NotFound startedOrGone) {
          // it started or was removed since it was listed: not pruned
        }
      }
    }
    return new PruneResponse(deleted, 0);
  }

  /** {@code until} as Unix seconds, an RFC 3339 time or a duration before now ({@code 24h}, {@code 10m}). */
  private Instant untilTime(String value) {
    if (value.matches("\\d+[smh]")) {
      long amount = Long.parseLong(value.substring(0, value.length() - 1));
      long seconds = switch (value.charAt(value.length() - 1)) {
        case 'h' -> amount * 3600;
        case 'm' -> amount * 60;
        default -> amount;
      };
      return clock.instant().minusSeconds(seconds);
    }
    return DockerTime.parse(value, "until");
  }
}
