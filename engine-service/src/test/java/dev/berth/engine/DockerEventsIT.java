package dev.berth.engine;

import static dev.berth.testsupport.Eventually.eventually;
import static dev.berth.testsupport.Probes.quietly;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.LifecycleStack.Cli;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Docker's {@code /events} of engine-service: container events it records, volume and network
 * events the node agent reports and image events image-service reports, followed live and replayed
 * between times through the docker CLI 28.2.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DockerEventsIT {

  private static final String IMAGE = "it/busybox:events";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  @RegisterExtension
  static final LifecycleStack stack = new LifecycleStack("ev1", IMAGE);

  @Test
  void followsNewEventsAsTheyAreRecorded() throws Exception {
    String id = stack.create("watched", IMAGE, "sleep", "1000");
    String filters = URLEncoder.encode("{\"container\":{\"watched\":true},\"event\":{\"pause\":true}}",
        StandardCharsets.UTF_8);
    HttpResponse<InputStream> response = stack.http().send(stack.request("GET", "/v1.44/events?filters=" + filters,
        null).build(), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    stack.docker("start", "watched");
    stack.docker("pause", "watched");

    try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      JsonNode event = JSON.readTree(lines.readLine());
      assertThat(event.path("Type").asString()).isEqualTo("container");
      assertThat(event.path("Action").asString()).isEqualTo("pause");
      assertThat(event.path("status").asString()).isEqualTo("pause");
      assertThat(event.path("Actor").path("ID").asString()).isEqualTo(id);
      assertThat(event.path("Actor").path("Attributes").path("name").asString()).isEqualTo("watched");
      assertThat(event.path("scope").asString()).isEqualTo("local");
      assertThat(event.path("timeNano").asLong() / 1_000_000_000L).isEqualTo(event.path("time").asLong());
    }
  }

  @Test
  void replaysEventsBetweenSinceAndUntilThroughTheDockerCli() throws Exception {
    long since = Instant.now().getEpochSecond() - 1;
    String id = stack.create("eventful", IMAGE, "true");
    stack.docker("start", "eventful");
    eventually(() -> stateQuietly(id), "exited"::equals);
    long until = Instant.now().getEpochSecond() + 1;

    Cli events = stack.docker("events", "--since", Long.toString(since), "--until", Long.toString(until),
        "--filter", "container=eventful", "--format", "{{.Type}} {{.Action}} {{.Actor.ID}} {{.Actor.Attributes.name}}");
    assertThat(events.exitCode()).as(events.stderr()).isZero();
    assertThat(events.stdout().lines().toList()).containsSubsequence("container create " + id + " eventful",
        "container start " + id + " eventful", "container die " + id + " eventful");
  }

  @Test
  void replaysTheImageEventsImageServiceReports() throws Exception {
    long since = Instant.now().getEpochSecond() - 1;
    String id = JSON.readTree(images("GET", "/api/v1/images/" + IMAGE, 200)).path("id").asString();
    images("POST", "/api/v1/images/tag?source=" + IMAGE + "&target=it/busybox:retagged", 201);
    images("DELETE", "/api/v1/images/it/busybox:retagged", 200);

    List<String> lines = eventually(() -> events(since, "type=image"), found -> found.size() >= 2);
    assertThat(lines).containsSubsequence("image tag " + id + " it/busybox:retagged",
        "image untag " + id + " " + id);
  }

  @Test
  void replaysTheVolumeAndNetworkEventsOfARunThroughTheDockerCli() throws Exception {
    long since = Instant.now().getEpochSecond() - 1;
    Cli created = stack.docker("create", "--name", "mounting", "-v", "evdata:/data", IMAGE, "true");
    assertThat(created.exitCode()).as(created.stderr()).isZero();
    String id = created.stdout().strip();
    stack.docker("start", "mounting");
    eventually(() -> stateQuietly(id), "exited"::equals);

    assertThat(eventually(() -> events(since, "volume=evdata"), found -> found.size() >= 3))
        .containsSubsequence("volume create evdata <no value>", "volume mount evdata " + id, "volume unmount evdata " + id);
    assertThat(eventually(() -> events(since, "type=network"), found -> found.size() >= 2))
        .containsSubsequence("network connect bridge " + id, "network disconnect bridge " + id);
  }

  /**
   * {@code docker events} between {@code since} and now with one filter, as
   * {@code type action actor container-or-name}.
   */
  private static List<String> events(long since, String filter) {
    return quietly(() -> {
      Cli events = stack.docker("events", "--since", Long.toString(since), "--until",
          Long.toString(Instant.now().getEpochSecond() + 1), "--filter", filter, "--format",
          "{{.Type}} {{.Action}} {{.Actor.ID}} {{or .Actor.Attributes.container .Actor.Attributes.name}}");
      assertThat(events.exitCode()).as(events.stderr()).isZero();
      return events.stdout().lines().toList();
    });
  }

  private static String stateQuietly(String reference) {
    return quietly(() -> stack.container(reference).path("state").asString());
  }

  /** A request to image-service's native API that must answer {@code expectedStatus}; its body. */
  private static String images(String method, String path, int expectedStatus) throws Exception {
    HttpResponse<String> response = stack.http().send(HttpRequest.newBuilder(stack.imageService.uri(path))
        .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(expectedStatus);
    return response.body();
  }
}
