package dev.berth.engine.dockerapi;

import dev.berth.engine.container.ContainerEntity;
import dev.berth.engine.container.Containers;
import dev.berth.engine.container.EngineException;
import dev.berth.engine.node.NodeEntity;
import dev.berth.engine.node.Nodes;
import dev.berth.platform.BerthProperties;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Docker's system endpoints: {@code /_ping}, {@code /version}, {@code /info} and {@code /system/df}. */
@RestController
class DockerSystemController {

  /** The engine version shown as the server's; Testcontainers requires 1.6.0 or newer. */
  static final String ENGINE_VERSION = "28.2.2-berth";
  private static final MediaType TEXT_PLAIN_UTF8 = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

  private final Containers containers;
  private final Nodes nodes;
  private final ImageLookup images;
  private final Clock clock;
  private final String buildTime;
  private final String rootDir;
  private final HostFacts host = HostFacts.local();

  DockerSystemController(Containers containers, Nodes nodes, ImageLookup images, Clock clock,
      ObjectProvider<BuildProperties> build, ObjectProvider<BerthProperties> berth) {
    this.containers = containers;
    this.nodes = nodes;
    this.images = images;
    this.clock = clock;
    BuildProperties properties = build.getIfAvailable();
    this.buildTime = properties == null || properties.getTime() == null ? "" : properties.getTime().toString();
    BerthProperties settings = berth.getIfAvailable();
    this.rootDir = settings == null || settings.dataDir() == null ? "" : settings.dataDir().toString();
  }

  @RequestMapping(path = "/_ping", method = {RequestMethod.GET, RequestMethod.HEAD})
  ResponseEntity<String> ping() {
    return ResponseEntity.ok()
        .header("Cache-Control", "no-cache, no-store, must-revalidate")
        .header("Pragma", "no-cache")
        .header("Builder-Version", "1")
        .header("Swarm", "inactive")
        .contentType(TEXT_PLAIN_UTF8)
        .body("OK");
  }

  @GetMapping("/version")
  VersionResponse version() {
    String kernel = facts().kernelVersion();
    String goVersion = "java" + Runtime.version().feature();
    Map<String, String> details = new TreeMap<>(Map.of("ApiVersion", DockerVersionFilter.CURRENT,
        "Arch", "amd64", "BuildTime", buildTime, "Experimental", "false", "GitCommit", gitCommit(),
        "GoVersion", goVersion, "KernelVersion", kernel, "MinAPIVersion", DockerVersionFilter.MINIMUM, "Os", "linux"));
    return new VersionResponse(Map.of("Name", "Berth Engine"),
        List.of(new VersionResponse.Component("Engine", ENGINE_VERSION, details)), ENGINE_VERSION,
        DockerVersionFilter.CURRENT, DockerVersionFilter.MINIMUM, gitCommit(), goVersion, "linux", "amd64", kernel,
        false, buildTime);
  }

  @GetMapping("/info")
  InfoResponse info() {
    List<String> warnings = new ArrayList<>();
    int imageCount = 0;
    try {
      imageCount = images.images().size();
    } catch (EngineException e) {
      warnings.add("WARNING: images cannot be counted: " + e.getMessage());
    }
    Map<String, Integer> states = new HashMap<>();
    List<ContainerEntity> all = containers.list();
    for (ContainerEntity container : all) {
      String state = switch (container.state()) {
        case "running", "paused" -> container.state();
        default -> "stopped";
      };
      states.merge(state, 1, Integer::sum);
    }
    HostFacts facts = facts();
    return new InfoResponse(UUID.nameUUIDFromBytes(("berth-engine:" + host.name()).getBytes(StandardCharsets.UTF_8))
        .toString(), all.size(), states.getOrDefault("running", 0), states.getOrDefault("paused", 0),
        states.getOrDefault("stopped", 0), imageCount, "overlay2", List.of(List.of("Backing Filesystem", "extfs")),
        Map.of("Volume", List.of("local"), "Network", List.of("bridge", "host", "null"), "Log", List.of("json-file")),
        true, true, true, true, true, true, true, false, true, false, 0, 0,
        DateTimeFormatter.ISO_INSTANT.format(clock.instant()), "json-file", "cgroupfs", facts.cgroupVersion(), 0,
        facts.kernelVersion(), facts.operatingSystem(), facts.osVersion(), "linux", "x86_64",
        "https://index.docker.io/v1/", Map.of("InsecureRegistryCIDRs", List.of("127.0.0.0/8"), "IndexConfigs", Map.of(),
            "Mirrors", List.of()), facts.cpus(), facts.memoryBytes(), rootDir, "", "", "", host.name(), List.of(),
        false, ENGINE_VERSION, Map.of("runc", Map.of("path", "runc")), "runc", InfoResponse.Swarm.inactive(), false,
        "", "docker-init", List.of("name=seccomp,profile=builtin", "name=cgroupns"),
        warnings.isEmpty() ? null : warnings);
  }

  @GetMapping("/system/df")
  DiskUsageResponse diskUsage() {
    List<ContainerEntity> all = containers.list();
    Map<String, Long> users = new HashMap<>();
    all.forEach(container -> users.merge(container.imageId(), 1L, Long::sum));
    JsonNode usage = images.diskUsage();
    Map<String, JsonNode> sizes = new HashMap<>();
    usage.path("images").forEach(image -> sizes.put(image.path("id").asString(), image));
    List<DiskUsageResponse.Image> imageRows = images.images().stream()
        .map(image -> imageRow(image, sizes.get(image.path("id").asString()), users))
        .toList();
    Instant now = clock.instant();
    List<ContainerSummaryResponse> containerRows = all.stream()
        .map(container -> ContainerSummaryResponse.of(DockerContainer.of(container, images), now).withSizes(0))
        .toList();
    return new DiskUsageResponse(usage.path("totalBlobBytes").asLong(), imageRows, containerRows, List.of(),
        List.of());
  }

  /** An image of image-service's list, sized by its disk usage ({@code size} the bytes of its blobs). */
  private static DiskUsageResponse.Image imageRow(JsonNode image, JsonNode usage, Map<String, Long> users) {
    String id = image.path("id").asString();
    long size = usage == null ? image.path("size").asLong() : usage.path("size").asLong();
    long shared = usage == null ? 0 : usage.path("sharedSize").asLong();
    String created = image.path("created").asString("");
    Map<String, String> labels = new TreeMap<>();
    image.path("config").path("config").path("Labels").properties()
        .forEach(label -> labels.put(label.getKey(), label.getValue().asString()));
    return new DiskUsageResponse.Image(id, "", strings(image.path("repoTags")), strings(image.path("repoDigests")),
        created.isEmpty() ? 0 : Instant.parse(created).getEpochSecond(), size, shared, size, labels,
        users.getOrDefault(id, 0L));
  }

  /** The host the containers run on: the nodes that are up, summed, or this machine when none is. */
  private HostFacts facts() {
    List<NodeEntity> up = nodes.all().stream().filter(NodeEntity::up).toList();
    if (up.isEmpty()) {
      return host;
    }
    NodeEntity first = up.getFirst();
    return new HostFacts(host.name(), first.kernelVersion(), first.operatingSystem(), host.osVersion(),
        host.cgroupVersion(), up.stream().mapToInt(NodeEntity::cpus).sum(),
        up.stream().mapToLong(NodeEntity::memoryBytes).sum());
  }

  private static String gitCommit() {
    String version = DockerSystemController.class.getPackage().getImplementationVersion();
    return version == null ? "berth" : version;
  }

  private static List<String> strings(JsonNode array) {
    return array.valueStream().map(JsonNode::asString).toList();
  }
}
