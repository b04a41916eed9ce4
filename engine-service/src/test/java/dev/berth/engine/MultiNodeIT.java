package dev.berth.engine;

import static dev.berth.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testsupport.BusyboxImage;
import dev.berth.testsupport.ServiceJar;
import dev.berth.testsupport.ServiceProcess;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Two node agents on one host under one engine (one registered, one registering itself): placement, a move between them that keeps the
 * container's files, and restarts of the engine and of a node agent while containers run.
 */
class MultiNodeIT {

  @RegisterExtension
  @Order(1)
  static final ServiceProcess imageService = ServiceProcess.of(ServiceJar.IMAGE_SERVICE);

  @RegisterExtension
  @Order(2)
  static final ServiceProcess engine = ServiceProcess.of(ServiceJar.ENGINE_SERVICE)
      .withArguments(() -> List.of("--berth.engine.image-service=http://" + imageService.address(),
          "--berth.engine.heartbeat-interval=1s", "--berth.engine.down-after=2"));

  @RegisterExtension
  @Order(3)
  static final ServiceProcess first = NodeAgents.agent("first", imageService, engine);

  @RegisterExtension
  @Order(4)
  static final ServiceProcess second = NodeAgents.registering("second", imageService, engine);

  private static final EngineApi api = new EngineApi(engine);

  @BeforeAll
  static void registerBothNodes() throws Exception {
    BusyboxImage.importInto(imageService, "it/busybox:1");
    api.register("first", first);
    eventually(() -> api.send("GET", "/api/v1/nodes", null, 200).valueStream()
        .anyMatch(node -> node.path("name").asString().equals("second") && node.path("state").asString().equals("up")),
        Boolean::booleanValue);
  }

  @AfterAll
  static void removeContainers() {
    api.removeAll();
    NodeAgents.cleanUp();
  }

  @Test
  void spreadsContainersOverTheNodesAndHonoursANamedNode() {
    Set<String> nodes = List.of("a", "b").stream()
        .map(name -> create("spread-" + name, "", "sleep 1000").path("node").asString())
        .collect(Collectors.toSet());
    assertThat(nodes).containsExactlyInAnyOrder("first", "second");

    assertThat(create("pinned", "?node=second", "true").path("node").asString()).isEqualTo("second");
  }

  @Test
  void movesARunningContainerWithItsFilesToAnotherNode() throws Exception {
    String id = create("mover", "?node=first", "echo run >> /runs; wc -l < /runs; sleep 1000").path("id").asString();
    api.send("POST", "/api/v1/containers/" + id + "/start", null, 200);
    eventually(() -> logs(first, id), lines -> lines.contains("1"));

    JsonNode moved = api.send("POST", "/api/v1/containers/mover/move?node=second", null, 200);

    assertThat(moved.path("id").asString()).isEqualTo(id);
    assertThat(moved.path("name").asString()).isEqualTo("mover");
    assertThat(moved.path("node").asString()).isEqualTo("second");
    assertThat(moved.path("state").asString()).isEqualTo("running");
    assertThat(eventually(() -> logs(second, id), lines -> lines.contains("2"))).contains("2");
    new EngineApi(first).send("GET", "/api/v1/containers/" + id, null, 404);
  }

  @Test
  void keepsEveryRecordAndRunningContainerAcrossAnEngineRestart() throws Exception {
    String id = create("survivor", "?node=first", "sleep 1000").path("id").asString();
    api.send("POST", "/api/v1/containers/" + id + "/start", null, 200);

    engine.kill();
    engine.restart();

    JsonNode after = api.get("/api/v1/containers/survivor");
    assertThat(after.path("state").asString()).isEqualTo("running");
    assertThat(after.path("id").asString()).isEqualTo(id);
    assertThat(new EngineApi(first).get("/api/v1/containers/" + id).path("state").asString()).isEqualTo("running");
  }

  @Test
  void showsTheContainersOfANodeThatIsDownAsUnknownAndReconcilesThemWhenItReturns() throws Exception {
    String id = create("reconciled", "?node=second", "sleep 2; exit 4").path("id").asString();
    api.send("POST", "/api/v1/containers/" + id + "/start", null, 200);

    second.kill();
    eventually(() -> api.get("/api/v1/containers/" + id).path("state").asString(), "unknown"::equals);
    Thread.sleep(2500);
    second.restart();

    JsonNode after = eventually(() -> api.get("/api/v1/containers/" + id),
        container -> container.path("state").asString().equals("exited"));
    assertThat(after.path("exitCode").asInt()).isEqualTo(4);
  }

  private static JsonNode create(String name, String query, String script) {
    return api.send("POST", "/api/v1/containers" + query, "{\"name\": \"" + name + "\", \"image\": \"it/busybox:1\", "
        + "\"cmd\": [\"sh\", \"-c\", \"" + script + "\"], \"host\": {\"networkMode\": \"none\"}}", 201);
  }

  private static List<String> logs(ServiceProcess agent, String id) {
    return new EngineApi(agent).get("/api/v1/containers/" + id + "/logs").valueStream()
        .map(entry -> entry.path("line").asString()).toList();
  }
}
