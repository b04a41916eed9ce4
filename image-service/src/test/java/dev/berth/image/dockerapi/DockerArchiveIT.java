package dev.berth.image.dockerapi;

import static dev.berth.image.dockerapi.DockerClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.AbstractImageServiceIT;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code docker save} and {@code docker load} through the Docker API. */
class DockerArchiveIT extends AbstractImageServiceIT {

  private DockerClient docker;

  @BeforeEach
  void client() {
    docker = new DockerClient(http, port);
  }

  @Test
  void savesAndLoadsBackTheSameImage() throws Exception {
    DockerClient.push(REGISTRY.address(), "dockerapi/saved", "1", "saved");
    String id = docker.pulled("dockerapi/saved", "1");

    HttpResponse<byte[]> saved = http.send(docker.request("/v1.44/images/get?names=" + DockerClient.encode("dockerapi/saved:1"))
        .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(saved.statusCode()).isEqualTo(200);
    assertThat(saved.headers().firstValue("Content-Type")).hasValue("application/x-tar");
    assertThat(docker.delete("/v1.44/images/dockerapi/saved:1").statusCode()).isEqualTo(200);
    assertThat(docker.get("/v1.44/images/dockerapi/saved:1/json").statusCode()).isEqualTo(404);

    HttpResponse<String> loaded = docker.send(docker.request("/v1.44/images/load?quiet=1")
        .header("Content-Type", "application/x-tar").POST(HttpRequest.BodyPublishers.ofByteArray(saved.body())));

    assertThat(loaded.statusCode()).isEqualTo(200);
    assertThat(loaded.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
        assertThat(type).startsWith("application/json"));
    assertThat(loaded.body().strip()).isEqualTo("{\"stream\":\"Loaded image: dockerapi/saved:1\\n\"}");
    assertThat(json(docker.get("/v1.44/images/dockerapi/saved:1/json")).get("Id").asString()).isEqualTo(id);
  }

  @Test
  void refusesAnArchiveThatIsNotOne() {
    HttpResponse<String> loaded = docker.send(docker.request("/v1.44/images/load")
        .header("Content-Type", "application/x-tar").POST(HttpRequest.BodyPublishers.ofString("not a tar")));

    assertThat(loaded.statusCode()).isEqualTo(400);
    assertThat(json(loaded).get("message").asString()).isNotBlank();
  }
}
