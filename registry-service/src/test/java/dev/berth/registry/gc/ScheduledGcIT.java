package dev.berth.registry.gc;

import static dev.berth.registry.TestContent.randomBytes;
import static dev.berth.registry.TestContent.repository;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.berth.oci.Digest;
import dev.berth.oci.OciJson;
import dev.berth.registry.DataDirectories;
import dev.berth.registry.RegistryClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Garbage collection on its schedule, in a registry of its own: nobody calls the API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"berth.registry.gc.interval=PT1S", "berth.registry.gc.grace-period=PT0S"})
class ScheduledGcIT {

  private static final Path DATA_DIR = DataDirectories.create();

  @LocalServerPort
  private int port;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry properties) {
    properties.add("berth.data-dir", DATA_DIR::toString);
  }

  @Test
  void reclaimsUnreferencedBlobsOnItsSchedule() {
    RegistryClient registry = new RegistryClient(URI.create("http://127.0.0.1:" + port));
    String name = repository("scheduled");
    Digest digest = registry.pushBlob(name, randomBytes(4096));

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(registry.head("/v2/" + name + "/blobs/" + digest).statusCode()).isEqualTo(404));

    JsonNode runs = OciJson.mapper().readTree(registry.get("/api/v1/gc/runs?limit=1000").body());
    assertThat(runs.valueStream()).allSatisfy(run -> assertThat(run.get("trigger").asString()).isEqualTo("schedule"));
    assertThat(runs.valueStream()).anySatisfy(run -> assertThat(run.get("blobsDeleted").asLong()).isPositive());
  }
}
