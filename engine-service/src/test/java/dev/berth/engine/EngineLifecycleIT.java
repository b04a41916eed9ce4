package dev.berth.engine;

import static dev.berth.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testsupport.BusyboxImage;
import dev.berth.testsupport.ServiceJar;
import dev.berth.testsupport.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** engine-service with a real image-service and a real node agent, through its native API. */
class EngineLifecycleIT {

  private static final String NODE = "n1";

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
  static final ServiceProcess agent = NodeAgents.agent(NODE, imageService, engine);

  private static final EngineApi api = new EngineApi(engine);

  @BeforeAll
  static void registerTheNodeAndImportBusybox() throws Exception {
    BusyboxImage.importInto(imageService, "it/busybox:1", "CMD [\"sh\"]");
    api.register(NODE, agent);
  }

  @AfterAll
  static void removeContainers() {
    api.removeAll();
    NodeAgents.cleanUp();
  }

  @Test
  void runsAContainerOnItsNodeAndRecordsWhatTheNodeReports() throws Exception {
    JsonNode created = api.send("POST", "/api/v1/containers", """
        {"name": "lifecycle", "image": "it/busybox:1", "cmd": ["sh", "-c", "sleep 0.5; exit 3"],
         "host": {"networkMode": "none"}}""", 201);
    String id = created.path("id").asString();
    assertThat(created.path("node").asString()).isEqualTo(NODE);
    assertThat(created.path("state").asString()).isEqualTo("created");

    assertThat(api.send("POST", "/api/v1/containers/lifecycle/start", null, 200).path("state").asString())
        .isEqualTo("running");
    assertThat(api.send("POST", "/api/v1/containers/" + id.substring(0, 12) + "/wait", null, 200)
        .path("exitCode").asInt()).isEqualTo(3);

    JsonNode exited = eventually(() -> api.get("/api/v1/containers/" + id),
        container -> container.path("state").asString().equals("exited"));
    assertThat(exited.path("exitCode").asInt()).isEqualTo(3);
    List<String> actions = eventually(() -> api.actions(id), list -> list.contains("die"));
    assertThat(actions).containsSubsequence("create", "start", "die");
  }

  @Test
  void appliesAReportThatArrivesTwiceOnce() {
    String id = api.send("POST", "/api/v1/containers", """
        {"image": "it/busybox:1", "cmd": ["true"], "host": {"networkMode": "none"}}""", 201).path("id").asString();
    String report = "[{\"sequence\": 900000, \"node\": \"" + NODE + "\", \"type\": \"container\", "
        + "\"action\": \"attach\", \"actorId\": \"" + id + "\", \"time\": \"" + Instant.now() + "\"}]";

    assertThat(api.send("POST", "/api/v1/nodes/" + NODE + "/events", report, 200).path("applied").asInt()).isOne();
    assertThat(api.send("POST", "/api/v1/nodes/" + NODE + "/events", report, 200).path("applied").asInt()).isZero();
    assertThat(api.actions(id)).containsOnlyOnce("attach");
    assertThat(api.send("POST", "/api/v1/nodes/" + NODE + "/events", "[{\"sequence\": 900001, \"type\": \"container\"}]",
        400).path("detail").asString()).contains("900001");
  }

  @Test
  void updatesTheLimitsOfARunningContainerOnItsNode() throws Exception {
    String id = api.send("POST", "/api/v1/containers", """
        {"image": "it/busybox:1", "cmd": ["sleep", "100"], "host": {"networkMode": "none"}}""", 201)
        .path("id").asString();
    api.send("POST", "/api/v1/containers/" + id + "/start", null, 200);

    JsonNode updated = api.send("POST", "/api/v1/containers/" + id + "/update",
        "{\"resources\": {\"memory\": 67108864, \"memorySwap\": -1, \"pidsLimit\": 30}}", 200);

    assertThat(updated.path("spec").path("host").path("resources").path("memory").asLong()).isEqualTo(67108864);
    assertThat(Files.readString(Path.of("/sys/fs/cgroup/memory/berth", id, "memory.limit_in_bytes")).strip())
        .isEqualTo("67108864");
  }

  @Test
  void answersDockersMessageForAMissingImage() {
    JsonNode problem = api.send("POST", "/api/v1/containers", "{\"image\": \"nosuch\"}", 404);
    assertThat(problem.path("detail").asString()).isEqualTo("No such image: nosuch:latest");
  }

  @Test
  void refusesANameInUse() {
    api.send("POST", "/api/v1/containers", "{\"name\": \"taken\", \"image\": \"it/busybox:1\"}", 201);
    JsonNode problem = api.send("POST", "/api/v1/containers", "{\"name\": \"taken\", \"image\": \"it/busybox:1\"}",
        409);
    assertThat(problem.path("detail").asString()).contains("The container name \"/taken\" is already in use");
  }

  @Test
  void removesAContainerFromItsNodeAndItsRecord() {
    String id = api.send("POST", "/api/v1/containers", """
        {"image": "it/busybox:1", "cmd": ["sleep", "100"], "host": {"networkMode": "none"}}""", 201)
        .path("id").asString();
    api.send("POST", "/api/v1/containers/" + id + "/start", null, 200);

    api.send("DELETE", "/api/v1/containers/" + id + "?force=true", null, 204);

    api.send("GET", "/api/v1/containers/" + id, null, 404);
    assertThat(api.actions(id)).contains("destroy");
  }
}
