package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testsupport.BusyboxImage;
import dev.berth.testsupport.ServiceJar;
import dev.berth.testsupport.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** engine-service with a real image-service and a real node agent, through its native API. */
class EngineLifecycleIT {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String NODE = "n1";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @RegisterExtension
  @Order(1)
  static final ServiceProcess imageService = ServiceProcess.of(ServiceJar.IMAGE_SERVICE);

  @RegisterExtension
  @Order(2)
  static final ServiceProcess engine = ServiceProcess.of(ServiceJar.ENGINE_SERVICE)
      .withArguments(() -> List.of("--berth.engine.image-service=http://" + imageService.address(),
          "--berth.engine.heartbeat-interval=1s"));

  @RegisterExtension
  @Order(3)
  static final ServiceProcess agent = agent(NODE);

  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void registerTheNodeAndImportBusybox() throws Exception {
    BusyboxImage.importInto(imageService, "it/busybox:1", "CMD [\"sh\"]");
    JsonNode node = send("POST", "/api/v1/nodes", "{\"name\":\"" + NODE + "\",\"address\":\"http://"
        + agent.address() + "\"}", 200);
    assertThat(node.path("state").asString()).isEqualTo("up");
  }

  @AfterAll
  static void removeContainers() throws Exception {
    for (JsonNode container : send("GET", "/api/v1/containers", null, 200)) {
      send("DELETE", "/api/v1/containers/" + container.path("id").asString() + "?force=true", null, 204);
    }
  }

  @Test
  void runsAContainerOnItsNodeAndRecordsWhatTheNodeReports() throws Exception {
    JsonNode created = send("POST", "/api/v1/containers", """
        {"name": "lifecycle", "image": "it/busybox:1", "cmd": ["sh", "-c", "sleep 0.5; exit 3"],
         "host": {"networkMode": "none"}}""", 201);
    String id = created.path("id").asString();
    assertThat(created.path("node").asString()).isEqualTo(NODE);
    assertThat(created.path("state").asString()).isEqualTo("created");

    assertThat(send("POST", "/api/v1/containers/lifecycle/start", null, 200).path("state").asString())
        .isEqualTo("running");
    assertThat(send("POST", "/api/v1/containers/" + id.substring(0, 12) + "/wait", null, 200)
        .path("exitCode").asInt()).isEqualTo(3);

    JsonNode exited = eventually(() -> get("/api/v1/containers/" + id),
        container -> container.path("state").asString().equals("exited"));
    assertThat(exited.path("exitCode").asInt()).isEqualTo(3);
    List<String> actions = eventually(() -> actions(id), list -> list.contains("die"));
    assertThat(actions).containsSubsequence("create", "start", "die");
  }

  @Test
  void appliesAReportThatArrivesTwiceOnce() throws Exception {
    String id = send("POST", "/api/v1/containers", """
        {"image": "it/busybox:1", "cmd": ["true"], "host": {"networkMode": "none"}}""", 201).path("id").asString();
    String report = "[{\"sequence\": 900000, \"node\": \"" + NODE + "\", \"containerId\": \"" + id
        + "\", \"type\": \"attach\", \"time\": \"" + Instant.now() + "\"}]";

    assertThat(send("POST", "/api/v1/nodes/" + NODE + "/events", report, 200).path("applied").asInt()).isOne();
    assertThat(send("POST", "/api/v1/nodes/" + NODE + "/events", report, 200).path("applied").asInt()).isZero();
    assertThat(actions(id)).containsOnlyOnce("attach");
  }

  @Test
  void answersDockersMessageForAMissingImage() throws Exception {
    JsonNode problem = send("POST", "/api/v1/containers", "{\"image\": \"nosuch\"}", 404);
    assertThat(problem.path("detail").asString()).isEqualTo("No such image: nosuch:latest");
  }

  @Test
  void refusesANameInUse() throws Exception {
    send("POST", "/api/v1/containers", "{\"name\": \"taken\", \"image\": \"it/busybox:1\"}", 201);
    JsonNode problem = send("POST", "/api/v1/containers", "{\"name\": \"taken\", \"image\": \"it/busybox:1\"}", 409);
    assertThat(problem.path("detail").asString()).contains("The container name \"/taken\" is already in use");
  }

  @Test
  void removesAContainerFromItsNodeAndItsRecord() throws Exception {
    String id = send("POST", "/api/v1/containers", """
        {"image": "it/busybox:1", "cmd": ["sleep", "100"], "host": {"networkMode": "none"}}""", 201)
        .path("id").asString();
    send("POST", "/api/v1/containers/" + id + "/start", null, 200);

    send("DELETE", "/api/v1/containers/" + id + "?force=true", null, 204);

    send("GET", "/api/v1/containers/" + id, null, 404);
    assertThat(actions(id)).contains("destroy");
  }

  static ServiceProcess agent(String name) {
    String suffix = Integer.toString(RANDOM.nextInt(1 << 20), 36);
    int subnet = 100 + RANDOM.nextInt(100);
    return ServiceProcess.of(ServiceJar.NODE_AGENT).withArguments(() -> List.of(
        "--berth.node.name=" + name,
        "--berth.node.image-service=http://" + imageService.address(),
        "--berth.node.report-url=http://" + engine.address() + "/api/v1/nodes/" + name + "/events",
        "--berth.node.runtime.state-dir=/run/berth-it-" + suffix,
        "--berth.node.network.bridge=be" + suffix,
        "--berth.node.network.subnet=10." + subnet + ".9.0/24",
        "--berth.node.network.gateway=10." + subnet + ".9.1",
        "--berth.node.network.namespace-dir=/run/berth-it-" + suffix + "/netns"));
  }

  private static List<String> actions(String id) {
    return get("/api/v1/events?limit=10000").valueStream()
        .filter(event -> event.path("actorId").asString().equals(id))
        .map(event -> event.path("action").asString())
        .toList();
  }

  private static JsonNode get(String path) {
    try {
      return send("GET", path, null, 200);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode send(String method, String path, String body, int expectedStatus)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + engine.address() + path))
        .timeout(Duration.ofMinutes(2))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(expectedStatus);
    return response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body());
  }

  static <T> T eventually(Supplier<T> probe, Predicate<T> done) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    T value = probe.get();
    while (!done.test(value) && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
      value = probe.get();
    }
    assertThat(done.test(value)).as("last value %s", value).isTrue();
    return value;
  }
}
