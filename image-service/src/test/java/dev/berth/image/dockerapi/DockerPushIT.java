package dev.berth.image.dockerapi;

import static dev.berth.image.dockerapi.DockerClient.messages;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.AbstractImageServiceIT;
import dev.berth.testsupport.Commands;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code POST /images/{name}/push}: Docker's push stream, into a real registry. */
class DockerPushIT extends AbstractImageServiceIT {

  private DockerClient docker;

  @BeforeEach
  void client() {
    docker = new DockerClient(http, port);
  }

  @Test
  void streamsDockersPushMessagesEndingWithTheDigest() {
    DockerClient.push(REGISTRY.address(), "dockerapi/pushsource", "1", "push me");
    docker.pulled("dockerapi/pushsource", "1");
    String target = REGISTRY.address() + "/dockerapi/pushed";
    assertThat(docker.post("/v1.44/images/dockerapi/pushsource:1/tag?repo=" + DockerClient.encode(target) + "&tag=2")
        .statusCode()).isEqualTo(201);

    HttpResponse<String> push = docker.send(docker.request("/v1.44/images/" + target + "/push?tag=2")
        .header("X-Registry-Auth", DockerClient.NO_AUTH).POST(java.net.http.HttpRequest.BodyPublishers.noBody()));

    assertThat(push.statusCode()).isEqualTo(200);
    List<JsonNode> messages = messages(push);
    assertThat(messages.getFirst().get("status").asString())
        .isEqualTo("The push refers to repository [" + target + "]");
    assertThat(messages).extracting(message -> message.path("status").asString(""))
        .contains("Preparing").containsAnyOf("Pushed", "Mounted from dockerapi/pushsource", "Layer already exists");
    JsonNode aux = messages.getLast().get("aux");
    String digest = aux.get("Digest").asString();
    assertThat(aux.get("Tag").asString()).isEqualTo("2");
    assertThat(messages.get(messages.size() - 2).get("status").asString())
        .isEqualTo("2: digest: " + digest + " size: " + aux.get("Size").asLong());
    String raw = Commands.run("skopeo", "inspect", "--tls-verify=false", "--format", "{{.Digest}}",
        "docker://" + target + ":2").strip();
    assertThat(raw).isEqualTo(digest);
  }

  @Test
  void reportsAMissingLocalImageInsideTheStream() {
    HttpResponse<String> push = docker.send(docker.request("/v1.44/images/" + REGISTRY.address()
        + "/dockerapi/nothere/push?tag=1").header("X-Registry-Auth", DockerClient.NO_AUTH)
        .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));

    assertThat(push.statusCode()).isEqualTo(200);
    assertThat(messages(push).getLast().get("errorDetail").get("message").asString())
        .isEqualTo("An image does not exist locally with the tag: dockerapi/nothere:1");
  }
}
