package dev.berth.node.web;

import dev.berth.node.api.NodeInfo;
import dev.berth.node.container.Containers;
import dev.berth.node.event.EventLog;
import dev.berth.node.runtime.OciRuntime;
import dev.berth.node.snapshot.Snapshotter;
import dev.berth.node.stats.CgroupStats;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** This node and its capacity, for the engine's scheduler. */
@RestController
@Tag(name = "node")
class NodeController {

  private final EventLog events;
  private final Containers containers;
  private final OciRuntime runtime;
  private final Snapshotter snapshots;
  private final CgroupStats cgroups;
  private final WebServerApplicationContext server;

  NodeController(EventLog events, Containers containers, OciRuntime runtime, Snapshotter snapshots,
      CgroupStats cgroups, WebServerApplicationContext server) {
    this.events = events;
    this.containers = containers;
    this.runtime = runtime;
    this.snapshots = snapshots;
    this.cgroups = cgroups;
    this.server = server;
  }

  @GetMapping("/api/v1/node")
  @Operation(summary = "This node: name, CPUs, memory, kernel, runtime, cgroup version, containers, snapshot bytes")
  NodeInfo node() throws IOException {
    var all = containers.list();
    int running = (int) all.stream().filter(c -> c.state().equals("running") || c.state().equals("paused")).count();
    return new NodeInfo(events.node(), events.node() + ":" + server.getWebServer().getPort(),
        Runtime.getRuntime().availableProcessors(), memTotal(), Files.readString(Path.of("/proc/sys/kernel/osrelease"))
        .strip(), osName(), runtime.name(), cgroups.unified() ? 2 : 1, all.size(), running, snapshots.usage());
  }

  private static long memTotal() throws IOException {
    return Files.readAllLines(Path.of("/proc/meminfo")).stream()
        .filter(line -> line.startsWith("MemTotal:"))
        .map(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
        .findFirst().orElse(0L);
  }

  private static String osName() throws IOException {
    Path release = Path.of("/etc/os-release");
    Optional<String> pretty = Files.exists(release) ? Files.readAllLines(release).stream()
        .filter(line -> line.startsWith("PRETTY_NAME="))
        .map(line -> line.substring("PRETTY_NAME=".length()).replace("\"", ""))
        .findFirst() : Optional.empty();
    return pretty.orElse("Linux");
  }
}
