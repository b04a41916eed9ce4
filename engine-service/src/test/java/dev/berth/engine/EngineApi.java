package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testsupport.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** engine-service's native API over HTTP, for the suites. */
final class EngineApi {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final ServiceProcess service;

  EngineApi(ServiceProcess service) {
    this.service = service;
  }

  /** Sends a request to {@code service} and checks the status; returns the JSON body (missing when empty). */
  JsonNode send(String method, String path, String body, int expectedStatus) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + service.address() + path))
        .timeout(Duration.ofMinutes(2))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(expectedStatus);
      return response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  JsonNode get(String path) {
    return send("GET", path, null, 200);
  }

  void register(String node, ServiceProcess agent) {
    JsonNode registered = send("POST", "/api/v1/nodes", "{\"name\":\"" + node + "\",\"address\":\"http://"
        + agent.address() + "\"}", 200);
    assertThat(registered.path("state").asString()).isEqualTo("up");
  }

  /** The actions of the events recorded for {@code id}, oldest first. */
  List<String> actions(String id) {
    return get("/api/v1/events?limit=10000").valueStream()
        .filter(event -> event.path("actorId").asString().equals(id))
        .map(event -> event.path("action").asString())
        .toList();
  }

  /** Removes every container, so that the agents' data directories hold no mounts when they are deleted. */
  void removeAll() {
    for (JsonNode container : get("/api/v1/containers")) {
      send("DELETE", "/api/v1/containers/" + container.path("id").asString() + "?force=true", null, 204);
    }
  }
}
