package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testsupport.BusyboxImage;
import dev.berth.testsupport.ServiceJar;
import dev.berth.testsupport.ServiceProcess;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A real image-service, engine-service and node agent (on its own bridge and subnet) for ITs that
 * drive containers, and the clients they are driven with: HTTP against the engine and the docker
 * CLI pointed at it. Registered as an extension it starts all three before the suite, imports a
 * busybox image and registers the node; after the suite it removes every container and stops them.
 */
final class LifecycleStack implements BeforeAllCallback, AfterAllCallback {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  final ServiceProcess imageService;
  final ServiceProcess engine;
  final ServiceProcess agent;
  private final String node;
  private final String image;

  /** A stack whose node is named {@code node}, with busybox imported as {@code image}. */
  LifecycleStack(String node, String image) {
    this.node = node;
    this.image = image;
    this.imageService = ServiceProcess.of(ServiceJar.IMAGE_SERVICE)
        .withArguments(() -> List.of("--berth.image.engine=" + engineUrl()));
    this.engine = ServiceProcess.of(ServiceJar.ENGINE_SERVICE)
        .withArguments(() -> List.of("--berth.engine.image-service=http://" + imageService.address(),
            "--berth.engine.heartbeat-interval=1s"));
    this.agent = NodeAgents.agent(node, imageService, engine);
  }

  /** Where image-service reports its events (resolved when it starts, before the engine does). */
  private String engineUrl() {
    return "http://" + engine.address();
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    imageService.beforeAll(context);
    engine.beforeAll(context);
    agent.beforeAll(context);
    BusyboxImage.importInto(imageService, image, "CMD [\"sh\"]");
    registerNode();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try {
      removeAll();
    } finally {
      agent.afterAll(context);
      engine.afterAll(context);
      imageService.afterAll(context);
    }
  }

  /** Registers the node agent with the engine; it must come up. */
  void registerNode() throws IOException, InterruptedException {
    JsonNode registered = send("POST", "/api/v1/nodes", "{\"name\":\"" + node + "\",\"address\":\"http://"
        + agent.address() + "\"}", 200);
    assertThat(registered.path("state").asString()).isEqualTo("up");
  }

  /** Creates a container through the native API and returns its ID. */
  String create(String name, String image, String... cmd) throws IOException, InterruptedException {
    String body = JSON.writeValueAsString(JSON.createObjectNode().put("name", name).put("image", image)
        .<ObjectNode>set("cmd", JSON.valueToTree(List.of(cmd)))
        .set("host", JSON.createObjectNode().put("networkMode", "none")));
    return send("POST", "/api/v1/containers", body, 201).path("id").asString();
  }

  /** The native API's view of a container. */
  JsonNode container(String reference) throws IOException, InterruptedException {
    return send("GET", "/api/v1/containers/" + reference, null, 200);
  }

  /** Removes every container through the native API, then the agent's bridge. */
  void removeAll() throws IOException, InterruptedException {
    for (JsonNode container : send("GET", "/api/v1/containers", null, 200)) {
      send("DELETE", "/api/v1/containers/" + container.path("id").asString() + "?force=true", null, 204);
    }
    NodeAgents.cleanUp();
  }

  JsonNode send(String method, String path, String body, int expectedStatus) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(request(method, path, body).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(expectedStatus);
    return response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
  }

  HttpRequest.Builder request(String method, String path, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + engine.address() + path))
        .timeout(Duration.ofMinutes(2))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return request;
  }

  HttpClient http() {
    return HTTP;
  }

  /**
   * One run of the docker CLI.
   *
   * @param exitCode its exit status
   * @param stdout what it printed
   * @param stderr what it printed on stderr
   */
  record Cli(int exitCode, String stdout, String stderr) {
  }

  /**
   * Runs the docker CLI against the engine (own empty config, API 1.44 without negotiating it through
   * {@code /_ping}, which is served elsewhere), at most a minute.
   */
  Cli docker(String... args) throws IOException, InterruptedException {
    return dockerWithInput(null, args);
  }

  /** Runs the docker CLI as {@link #docker} does, with {@code input} (or nothing when null) on its stdin. */
  Cli dockerWithInput(String input, String... args) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("docker-cli");
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    File stdin = input == null ? new File("/dev/null")
        : Files.writeString(dir.resolve("in"), input, StandardCharsets.UTF_8).toFile();
    ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(stdin))
        .redirectOutput(dir.resolve("out").toFile())
        .redirectError(dir.resolve("err").toFile());
    builder.environment().put("DOCKER_HOST", "tcp://" + engine.address());
    builder.environment().put("DOCKER_CONFIG", dir.resolve("config").toString());
    builder.environment().put("DOCKER_API_VERSION", "1.44");
    builder.environment().remove("DOCKER_CONTEXT");
    Process process = builder.start();
    if (!process.waitFor(1, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("docker " + String.join(" ", args) + " did not end within a minute");
    }
    return new Cli(process.exitValue(), Files.readString(dir.resolve("out"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
  }
}
