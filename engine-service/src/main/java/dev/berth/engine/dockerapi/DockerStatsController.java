package dev.berth.engine.dockerapi;

import dev.berth.engine.container.ContainerEntity;
import dev.berth.engine.container.ContainerIo;
import dev.berth.engine.container.Containers;
import dev.berth.node.api.ContainerStats;
import dev.berth.node.api.TopResult;
import dev.berth.oci.OciJson;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Docker's {@code top} and {@code stats} of a container. A single stats reading
 * ({@code stream=false}) is two readings a second apart, so that {@code precpu_stats} lets the CLI
 * compute the CPU share, unless {@code one-shot} asks for one; a streamed one is a reading per
 * second while the container runs. See the reference's §3.19 and §3.20.
 */
@RestController
class DockerStatsController {

  private static final Duration PRE_READ_INTERVAL = Duration.ofSeconds(1);
  private static final Set<String> RUNNING = Set.of("running", "paused");

  private final Containers containers;
  private final ContainerIo io;

  DockerStatsController(Containers containers, ContainerIo io) {
    this.containers = containers;
    this.io = io;
  }

  @GetMapping("/containers/{id}/top")
  TopResponse top(@PathVariable String id, @RequestParam(name = "ps_args", required = false) String psArgs) {
    TopResult top = io.top(containers.get(id), psArgs);
    return new TopResponse(top.titles(), top.processes());
  }

  /** Always a stream body, even for one reading: a StreamingResponseBody is only streamed when the method declares it. */
  @GetMapping("/containers/{id}/stats")
  ResponseEntity<StreamingResponseBody> stats(@PathVariable String id,
      @RequestParam(defaultValue = "true") boolean stream,
      @RequestParam(name = "one-shot", defaultValue = "false") boolean oneShot) throws InterruptedException {
    ContainerEntity container = containers.get(id);
    StreamingResponseBody body;
    if (!RUNNING.contains(container.state())) {
      StatsResponse zeros = StatsResponse.notRunning(container.name(), container.id());
      body = out -> write(out, zeros);
    } else if (!stream) {
      ContainerStats first = io.stats(container);
      StatsResponse reading;
      if (oneShot) {
        reading = StatsResponse.of(container.name(), container.id(), first, null);
      } else {
        Thread.sleep(PRE_READ_INTERVAL);
        reading = StatsResponse.of(container.name(), container.id(), io.stats(container), first);
      }
      body = out -> write(out, reading);
    } else {
      body = out -> {
        AtomicReference<ContainerStats> previous = new AtomicReference<>();
        try {
          io.streamStats(container, current -> {
            write(out, StatsResponse.of(container.name(), container.id(), current, previous.get()));
            previous.set(current);
          });
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while streaming the stats of " + container.id(), e);
        }
      };
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
  }

  private static void write(OutputStream out, StatsResponse stats) throws IOException {
    out.write(OciJson.mapper().writeValueAsBytes(stats));
    out.write('\n');
    out.flush();
  }
}
