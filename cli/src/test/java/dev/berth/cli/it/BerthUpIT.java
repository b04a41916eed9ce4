package dev.berth.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.cli.stack.Processes;
import dev.berth.testsupport.AgentStateDirs;
import dev.berth.testsupport.HostNetworks;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The real {@code berth up} on the fixed ports: every service, the gateway included, comes up on one
 * PostgreSQL, the seed images land in the registry, a service and PostgreSQL killed with SIGKILL come
 * back, and {@code berth down} leaves none of the stack's processes behind.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BerthUpIT {

  private static final List<Integer> FIXED_PORTS = List.of(5000, 8080, 8081, 8082, 8083);
  private static final Pattern STATUS_LINE = Pattern.compile("(?m)^(\\S+)\\s+(UP|DOWN|not running|running)\\s+(\\S+)$");
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String SUFFIX = Long.toString(System.nanoTime() % 1_000_000, 36);
  private static final String BRIDGE = "bc" + SUFFIX;
  private static Path dataDir;
  private static BerthCommand berth;

  @BeforeAll
  static void portsAreFree() throws IOException {
    for (int port : FIXED_PORTS) {
      try (ServerSocket socket = new ServerSocket()) {
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      } catch (IOException e) {
        throw new IllegalStateException("port " + port + " on 127.0.0.1 is taken: berth up needs 5000 and 8080-8083 "
            + "free (stop whatever listens there; ss -ltnp shows it)", e);
      }
    }
    Path itDir = Files.createDirectories(Path.of(System.getProperty("berth.it.dir", "target/it")).toAbsolutePath());
    dataDir = Files.createTempDirectory(itDir, "data-");
    String subnet = HostNetworks.freeSubnet(11);
    berth = new BerthCommand(dataDir, Map.of(
        "BERTH_NODE_RUNTIME_STATE_DIR", "/run/berth-cli-it-" + SUFFIX,
        "BERTH_NODE_NETWORK_NAMESPACE_DIR", "/run/berth-cli-it-" + SUFFIX + "/netns",
        "BERTH_NODE_NETWORK_BRIDGE", BRIDGE,
        "BERTH_NODE_NETWORK_SUBNET", subnet + ".0/24",
        "BERTH_NODE_NETWORK_GATEWAY", subnet + ".1"));
  }

  @AfterAll
  static void down() throws IOException, InterruptedException {
    if (berth != null) {
      berth.run("down");
      HostNetworks.deleteBridge(BRIDGE);
      AgentStateDirs.remove(Path.of("/run/berth-cli-it-" + SUFFIX));
    }
  }

  @Test
  @Order(1)
  void upStartsEveryServiceSeedsTheRegistryAndReturnsOnceHealthy() throws Exception {
    BerthCommand.Result up = berth.run("up");

    assertThat(up.status()).as(up.output()).isZero();
    assertThat(up.output())
        .containsPattern("postgres +UP")
        .containsPattern("registry-service +UP")
        .containsPattern("image-service +UP")
        .containsPattern("engine-service +UP")
        .containsPattern("gateway +UP")
        .contains("busybox and httpd pushed to 127.0.0.1:5000")
        .contains("Berth is up.");
    for (String service : List.of("postgres", "registry-service", "image-service", "engine-service")) {
      assertThat(dataDir.resolve("logs/" + service + ".log")).isNotEmptyFile();
    }
  }

  @Test
  @Order(2)
  void statusShowsEveryServiceUp() throws Exception {
    BerthCommand.Result status = berth.run("status");

    assertThat(status.status()).as(status.output()).isZero();
    assertThat(statuses(status.output())).containsEntry("supervisor", "running")
        .containsEntry("postgres", "UP").containsEntry("registry-service", "UP")
        .containsEntry("image-service", "UP").containsEntry("engine-service", "UP");
  }

  @Test
  @Order(3)
  void theSeedImagesAreInTheRegistry() throws Exception {
    for (String repository : List.of("library/busybox", "library/httpd")) {
      HttpResponse<String> tags = HTTP.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:5000/v2/" + repository + "/tags/list")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(tags.statusCode()).isEqualTo(200);
      assertThat(tags.body()).contains("\"latest\"");
    }
  }

  /**
   * The API commands against the services themselves and through the gateway, which routes
   * {@code /api/v1/images/**} to image-service and {@code /api/v1/containers/**} to engine-service.
   */
  @Test
  @Order(4)
  void pullImagesAndPsSpeakTheNativeApi() throws Exception {
    String images = "http://127.0.0.1:8082";
    BerthCommand.Result pull = berth.run("pull", List.of("httpd", "--host", images));
    assertThat(pull.status()).as(pull.output()).isZero();
    assertThat(pull.output()).contains("httpd:latest");
    BerthCommand.Result unknown = berth.run("pull", List.of("no/such-image", "--host", images));
    assertThat(unknown.status()).isEqualTo(1);
    assertThat(unknown.output()).contains("404");

    BerthCommand.Result list = berth.run("images", List.of("--host", images));
    assertThat(list.status()).isZero();
    assertThat(list.output()).containsPattern("(?m)^httpd +latest ").containsPattern("(?m)^REPOSITORY +TAG +IMAGE ID");

    HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8081/api/v1/containers"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"cli-it\",\"image\":\"httpd\",\"cmd\":[\"true\"]}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    try {
      BerthCommand.Result ps = berth.run("ps", List.of("-a", "--host", "http://127.0.0.1:8081"));
      assertThat(ps.status()).isZero();
      assertThat(ps.output()).containsPattern("(?m)^[0-9a-f]{12} +httpd +.* created +\\S+ +cli-it$");
      assertThat(berth.run("ps", List.of("--host", "http://127.0.0.1:8081")).output()).doesNotContain("cli-it");
    } finally {
      HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8081/api/v1/containers/cli-it?force=true"))
          .DELETE().build(), HttpResponse.BodyHandlers.discarding());
    }
    BerthCommand.Result throughTheGateway = berth.run("images");
    assertThat(throughTheGateway.status()).as(throughTheGateway.output()).isZero();
    assertThat(throughTheGateway.output()).containsPattern("(?m)^httpd +latest ");
  }

  @Test
  @Order(5)
  void upAgainSaysTheStackIsAlreadyUp() throws Exception {
    BerthCommand.Result up = berth.run("up");

    assertThat(up.status()).isZero();
    assertThat(up.output()).contains("Berth is already up");
  }

  @Test
  @Order(6)
  void aServiceKilledWithSigkillIsRestartedAndHealthyAgain() throws Exception {
    assertRestartedAfterSigkill("image-service");
    assertThat(Files.readString(dataDir.resolve("logs/supervisor.log")))
        .contains("image-service exited with status 137").contains("image-service is UP again");
  }

  @Test
  @Order(7)
  void postgresKilledWithSigkillIsRestartedAndTheServicesRecover() throws Exception {
    assertRestartedAfterSigkill("postgres");
    awaitUp(() -> allUp());
  }

  @Test
  @Order(8)
  void downStopsEveryProcessOfTheStackAndIsIdempotent() throws Exception {
    Properties state = state();
    List<Long> pids = state.stringPropertyNames().stream().filter(key -> key.endsWith(".pid"))
        .map(key -> Long.parseLong(state.getProperty(key))).toList();
    long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).getFirst().strip());

    BerthCommand.Result down = berth.run("down");

    assertThat(down.status()).isZero();
    assertThat(down.output()).contains("Berth is down");
    // a stopped process may linger for a moment as a zombie until its parent (here: init) collects it
    assertThat(pids).isNotEmpty().allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(Processes::isRunning))
        .as("process %d", pid).isEmpty());
    assertThat(ProcessHandle.of(postmaster).filter(Processes::isRunning)).isEmpty();
    assertThat(ProcessHandle.allProcesses().filter(Processes::isRunning).filter(p -> p.info().commandLine()
        .map(line -> line.contains(dataDir.toString())).orElse(false)).toList()).isEmpty();
    // each service, stopped cleanly, wrote the AOT cache its first run recorded; the next up starts from it
    if (Runtime.version().feature() >= 25) {
      for (String service : List.of("registry-service", "image-service", "engine-service", "node-agent")) {
        try (Stream<Path> caches = Files.list(dataDir.resolve("aot"))) {
          assertThat(caches.map(path -> path.getFileName().toString()))
              .as("AOT cache of %s", service).anyMatch(name -> name.startsWith(service + "-") && name.endsWith(".aot"));
        }
      }
    }
    BerthCommand.Result again = berth.run("down");
    assertThat(again.status()).isZero();
    assertThat(again.output()).contains("Berth is not running");
    assertThat(berth.run("status").status()).isNotZero();
  }

  private void assertRestartedAfterSigkill(String service) throws Exception {
    long before = Long.parseLong(state().getProperty(service + ".pid"));
    ProcessHandle.of(before).orElseThrow().destroyForcibly();

    awaitUp(() -> {
      Map<String, String> status = statusNow();
      String pid = state().getProperty(service + ".pid");
      return "UP".equals(status.get(service)) && !pid.equals(Long.toString(before));
    });
  }

  private boolean allUp() {
    try {
      return berth.run("status").status() == 0;
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, String> statusNow() {
    try {
      return statuses(berth.run("status").output());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> statuses(String output) {
    Map<String, String> statuses = new java.util.HashMap<>();
    Matcher line = STATUS_LINE.matcher(output);
    while (line.find()) {
      statuses.put(line.group(1), line.group(2));
    }
    return statuses;
  }

  private static Properties state() {
    Properties state = new Properties();
    try (var reader = Files.newBufferedReader(dataDir.resolve("berth.state"))) {
      state.load(reader);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return state;
  }

  private static void awaitUp(BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not healthy again within 4 minutes");
      }
      Thread.sleep(2000);
    }
  }
}
