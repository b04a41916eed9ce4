package dev.berth.image.dockerapi;

import static dev.berth.image.dockerapi.DockerClient.json;
import static dev.berth.image.dockerapi.DockerClient.messages;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.AbstractImageServiceIT;
import dev.berth.oci.OciJson;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code POST /images/create}: Docker's JSON message stream, over real HTTP from a real registry. */
class DockerPullIT extends AbstractImageServiceIT {

  private DockerClient docker;

  @BeforeEach
  void client() {
    docker = new DockerClient(http, port);
  }

  @Test
  void streamsDockersPullMessagesEndingWithDownloadedNewerImage() throws Exception {
    DockerClient.push(REGISTRY.address(), "dockerapi/pull", "1", "pull");
    JsonNode manifest = registryManifest("dockerapi/pull", "1");
    String messageLayer = manifest.get("layers").get(1).get("digest").asString().substring(7, 19);

    HttpResponse<String> pull = docker.pull("dockerapi/pull", "1", DockerClient.NO_AUTH);

    assertThat(pull.statusCode()).isEqualTo(200);
    assertThat(pull.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
        .startsWith("application/json"));
    List<JsonNode> messages = messages(pull);
    assertThat(messages.getFirst().toString()).isEqualTo("{\"status\":\"Pulling from dockerapi/pull\",\"id\":\"1\"}");
    List<JsonNode> layer = messages.stream().filter(message -> messageLayer.equals(message.path("id").asString(null)))
        .toList();
    assertThat(layer).extracting(message -> message.get("status").asString()).containsSubsequence(
        "Pulling fs layer", "Downloading", "Verifying Checksum", "Download complete", "Pull complete");
    assertThat(layer).allMatch(message -> message.get("progressDetail").isObject());
    JsonNode downloading = layer.stream().filter(message -> message.get("status").asString().equals("Downloading"))
        .findFirst().orElseThrow();
    assertThat(downloading.get("progressDetail").get("total").asLong())
        .isEqualTo(manifest.get("layers").get(1).get("size").asLong());
    assertThat(downloading.get("progress").asString()).matches("\\[=*> *\\] +[0-9.]+k?B/[0-9.]+k?B");
    assertThat(messages.get(messages.size() - 2).get("status").asString()).startsWith("Digest: sha256:");
    assertThat(messages.getLast().toString())
        .isEqualTo("{\"status\":\"Status: Downloaded newer image for dockerapi/pull:1\"}");
  }

  @Test
  void reportsAnImageAlreadyHereAsUpToDate() {
    DockerClient.push(REGISTRY.address(), "dockerapi/again", "1", "again");
    docker.pulled("dockerapi/again", "1");

    List<JsonNode> messages = messages(docker.pull("dockerapi/again", "1", DockerClient.NO_AUTH));

    assertThat(messages).extracting(message -> message.path("status").asString()).contains("Already exists");
    assertThat(messages.getLast().get("status").asString()).isEqualTo("Status: Image is up to date for dockerapi/again:1");
  }

  @Test
  void pullsByADigestGivenAsTagAndByATagInFromImage() {
    DockerClient.push(REGISTRY.address(), "dockerapi/digest", "1", "digest");
    String id = docker.pulled("dockerapi/digest:1", null);
    String digest = json(docker.get("/images/" + id + "/json")).get("RepoDigests").get(0).asString().split("@")[1];

    List<JsonNode> messages = messages(docker.pull("dockerapi/digest", digest, DockerClient.NO_AUTH));

    assertThat(messages.getFirst().get("id").asString()).isEqualTo(digest);
    assertThat(messages.getLast().get("status").asString())
        .isEqualTo("Status: Image is up to date for dockerapi/digest@" + digest);
  }

  @Test
  void takesDockerHubQualifiedNamesAsTheDefaultRegistrys() {
    DockerClient.push(REGISTRY.address(), "library/hubname", "latest", "hub");

    List<JsonNode> messages = messages(docker.pull("docker.io/library/hubname", "latest", DockerClient.NO_AUTH));

    assertThat(messages.getFirst().get("status").asString()).isEqualTo("Pulling from library/hubname");
    assertThat(messages.getLast().get("status").asString()).isEqualTo("Status: Downloaded newer image for hubname:latest");
    assertThat(docker.get("/images/hubname/json").statusCode()).isEqualTo(200);
  }

  @Test
  void answersAnUnknownImageWithAPlainNotFoundBeforeStreaming() {
    HttpResponse<String> pull = docker.pull("dockerapi/nope", "1", DockerClient.NO_AUTH);

    assertThat(pull.statusCode()).isEqualTo(404);
    assertThat(pull.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(json(pull).get("message").asString()).startsWith("manifest for dockerapi/nope:1 not found");
  }

  @Test
  void answersAnUnreachableRegistryWithAPlainServerError() {
    HttpResponse<String> pull = docker.pull("127.0.0.1:1/dockerapi/nowhere", "1", DockerClient.NO_AUTH);

    assertThat(pull.statusCode()).isEqualTo(500);
    assertThat(json(pull).get("message").isString()).isTrue();
  }

  @Test
  void refusesImportsAndMissingImages() {
    HttpResponse<String> importing = docker.post("/images/create?fromSrc=-&repo=imported");
    HttpResponse<String> nothing = docker.post("/images/create");

    assertThat(importing.statusCode()).isEqualTo(400);
    assertThat(json(importing).get("message").asString()).contains("fromSrc");
    assertThat(nothing.statusCode()).isEqualTo(400);
  }

  private JsonNode registryManifest(String repository, String tag) throws Exception {
    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(
            URI.create("http://" + REGISTRY.address() + "/v2/" + repository + "/manifests/" + tag))
        .header("Accept", "application/vnd.oci.image.manifest.v1+json").build(), HttpResponse.BodyHandlers.ofByteArray());
    return OciJson.mapper().readTree(response.body());
  }
}
